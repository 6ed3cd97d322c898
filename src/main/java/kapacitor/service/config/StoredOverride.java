package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import kapacitor.api.Json;
import kapacitor.store.OverrideRecord;

/**
 * One stored override (Kapacitor's config Override): the options set on a section element, or a whole new element
 * when {@code create} is set. {@code element} is the element's name ("" for a single-element section); for a created
 * element it is the name taken from its element key.
 */
public record StoredOverride(String section, String element, ObjectNode options, boolean create) {

    public static StoredOverride of(OverrideRecord r) {
        JsonObject data = r.data() == null ? new JsonObject() : r.data();
        JsonObject stored = data.getJsonObject("options");
        JsonNode options = stored == null ? null : parse(stored.encode());
        return new StoredOverride(r.section(), r.element(),
            options instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode(),
            Boolean.TRUE.equals(data.getValue("create")));
    }

    public OverrideRecord toRecord() {
        JsonObject data = new JsonObject()
            .put("options", new JsonObject(options.toString()))
            .put("create", create);
        return new OverrideRecord(section, element, 1L, data);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored override is not JSON", e);
        }
    }

    /** Kapacitor's override ID, "section/element" (a trailing '/' for the section's only element). */
    public String id() {
        return section + "/" + element;
    }
}
