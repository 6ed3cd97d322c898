package kapacitor.service.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import kapacitor.api.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of a config update, {@code {"set":{...},"delete":[...],"add":{...},"remove":[...]}}, decoded and
 * validated with Kapacitor's rules and texts (services/config/service.go updateAction).
 */
public record UpdateAction(ObjectNode set, List<String> delete, ObjectNode add, List<String> remove) {
    private static final Pattern VALID_NAME = Pattern.compile("^[-\\w+]+$");

    /** Go's json.Decoder: the first JSON value, field names matched without regard to case. */
    static UpdateAction decode(Buffer body) {
        JsonNode root;
        try {
            root = body == null || body.length() == 0 ? null : Json.MAPPER.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw new OverrideException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new OverrideException(String.valueOf(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new OverrideException("EOF");
        }
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        if (root.isNull()) {
            return new UpdateAction(empty, List.of(), empty, List.of());
        }
        if (!root.isObject()) {
            throw new OverrideException("json: cannot unmarshal " + jsonKind(root)
                + " into Go value of type config.updateAction");
        }
        ObjectNode set = empty;
        ObjectNode add = empty;
        List<String> delete = List.of();
        List<String> remove = List.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String field = f.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = f.getValue();
            switch (field) {
                case "set":
                    set = map(v, "set");
                    break;
                case "add":
                    add = map(v, "add");
                    break;
                case "delete":
                    delete = strings(v, "delete");
                    break;
                case "remove":
                    remove = strings(v, "remove");
                    break;
                default:
                    break;
            }
        }
        return new UpdateAction(set, delete, add, remove);
    }

    private static ObjectNode map(JsonNode v, String field) {
        if (v.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw new OverrideException("json: cannot unmarshal " + jsonKind(v) + " into Go struct field updateAction."
                + field + " of type map[string]interface {}");
        }
        return (ObjectNode) v;
    }

    private static List<String> strings(JsonNode v, String field) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new OverrideException("json: cannot unmarshal " + jsonKind(v) + " into Go struct field updateAction."
                + field + " of type []string");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new OverrideException("json: cannot unmarshal " + jsonKind(item)
                    + " into Go struct field updateAction." + field + " of type string");
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    private static String jsonKind(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        return v.isArray() ? "array" : "object";
    }

    /** Kapacitor's updateAction.Validate; the text follows "invalid update action: ". */
    void validate(String section, String element, boolean hasElement) {
        if (section.isEmpty()) {
            throw new OverrideException("must provide section name");
        }
        if (!VALID_NAME.matcher(section).matches()) {
            throw new OverrideException("invalid section name \"" + section + "\"");
        }
        if (!element.isEmpty() && !VALID_NAME.matcher(element).matches()) {
            throw new OverrideException("invalid element name \"" + element + "\"");
        }
        boolean setOrDelete = !set.isEmpty() || !delete.isEmpty();
        boolean addOrRemove = !add.isEmpty() || !remove.isEmpty();
        if (setOrDelete && addOrRemove) {
            throw new OverrideException("cannot provide both set/delete and add/remove actions in the same update");
        }
        if (!add.isEmpty() && !element.isEmpty()) {
            throw new OverrideException("must not provide an element name when adding an a new override");
        }
        if (!remove.isEmpty() && !element.isEmpty()) {
            throw new OverrideException("must not provide element when removing an override");
        }
        if (!addOrRemove && !hasElement) {
            throw new OverrideException("element not specified, are you missing a trailing '/'?");
        }
    }
}
