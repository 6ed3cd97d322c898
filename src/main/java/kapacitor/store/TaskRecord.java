package kapacitor.store;

import io.vertx.core.json.JsonObject;

/**
 * A task row: the columns queries filter on, the optimistic-locking version, and the rest of Kapacitor's Task
 * (script, dbrps, vars, error, created/modified/last-enabled times...) as a JSON document owned by the task service.
 * {@code templateId} is null for a task not made from a template.
 */
public record TaskRecord(String id, String templateId, String type, String status, long version, JsonObject data) {

    public TaskRecord withVersion(long newVersion) {
        return new TaskRecord(id, templateId, type, status, newVersion, data);
    }
}
