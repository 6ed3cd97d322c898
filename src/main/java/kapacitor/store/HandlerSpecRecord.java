package kapacitor.store;

import io.vertx.core.json.JsonObject;

/** An alert handler spec row, keyed by (topic, id) as Kapacitor does; options and match live in {@code data}. */
public record HandlerSpecRecord(String topic, String id, String kind, long version, JsonObject data) {
}
