package kapacitor.store;

import io.vertx.core.json.JsonObject;

/** A template row; the rest of Kapacitor's Template (script, error, created/modified) lives in {@code data}. */
public record TemplateRecord(String id, String type, long version, JsonObject data) {
}
