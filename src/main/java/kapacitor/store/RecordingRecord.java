package kapacitor.store;

import io.vertx.core.json.JsonObject;

/** A recording row (Kapacitor's replay Recording); data URL, size, date, error and progress live in {@code data}. */
public record RecordingRecord(String id, String type, String status, long version, JsonObject data) {
}
