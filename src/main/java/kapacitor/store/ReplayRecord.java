package kapacitor.store;

import io.vertx.core.json.JsonObject;

/**
 * A replay row (Kapacitor's replay Replay); clock, recording-time, date, error, progress and stats live in
 * {@code data}.
 */
public record ReplayRecord(String id, String recordingId, String taskId, String status, long version, JsonObject data) {
}
