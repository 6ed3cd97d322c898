package kapacitor.store;

import io.vertx.core.json.JsonObject;

/**
 * A flux task run row; {@code scheduledFor} is epoch milliseconds (runs list in that order). Started/finished
 * times and the run's other fields live in {@code data}; its log lines are in {@link FluxLogRepository}.
 */
public record FluxRunRecord(String id, String taskId, String status, long scheduledFor, long version,
                            JsonObject data) {
}
