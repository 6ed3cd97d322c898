package kapacitor.service.task;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.store.TaskRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task as the manager edits it: Kapacitor's task_store Task. Stored as a {@link TaskRecord}: the row's
 * {@code template_id} is the template association (cleared when the template is deleted, as Kapacitor drops the
 * association), while {@code templateId} here is the task's own TemplateID field, which Kapacitor keeps and shows.
 * Mutable, confined to the manager's event loop for the duration of one command.
 */
final class TaskDoc {
    String id;
    String templateId = "";
    boolean associated;
    TaskType type;
    String status = "disabled";
    long version;
    String script = "";
    List<DbRp> dbrps = new ArrayList<>();
    Map<String, TaskVar> vars = Map.of();
    String error = "";
    String created = GoJson.ZERO_TIME;
    String modified = GoJson.ZERO_TIME;
    String lastEnabled = GoJson.ZERO_TIME;

    boolean enabled() {
        return "enabled".equals(status);
    }

    TaskDoc copy() {
        TaskDoc c = new TaskDoc();
        c.id = id;
        c.templateId = templateId;
        c.associated = associated;
        c.type = type;
        c.status = status;
        c.version = version;
        c.script = script;
        c.dbrps = new ArrayList<>(dbrps);
        c.vars = vars;
        c.error = error;
        c.created = created;
        c.modified = modified;
        c.lastEnabled = lastEnabled;
        return c;
    }

    static TaskDoc from(TaskRecord r) {
        JsonObject d = r.data();
        TaskDoc t = new TaskDoc();
        t.id = r.id();
        t.associated = r.templateId() != null;
        t.templateId = d.getString("template-id", r.templateId() == null ? "" : r.templateId());
        t.type = TaskType.fromText(r.type());
        t.status = r.status();
        t.version = r.version();
        t.script = d.getString("script", "");
        JsonArray dbrps = d.getJsonArray("dbrps", new JsonArray());
        for (int i = 0; i < dbrps.size(); i++) {
            JsonObject o = dbrps.getJsonObject(i);
            t.dbrps.add(new DbRp(o.getString("db"), o.getString("rp")));
        }
        t.vars = TaskVars.fromStored(d.getJsonObject("vars"));
        t.error = d.getString("error", "");
        t.created = d.getString("created", GoJson.ZERO_TIME);
        t.modified = d.getString("modified", GoJson.ZERO_TIME);
        t.lastEnabled = d.getString("last-enabled", GoJson.ZERO_TIME);
        return t;
    }

    TaskRecord toRecord() {
        JsonArray dbrpArray = new JsonArray();
        dbrps.forEach(d -> dbrpArray.add(new JsonObject().put("db", d.db()).put("rp", d.rp())));
        JsonObject data = new JsonObject()
            .put("template-id", templateId)
            .put("script", script)
            .put("dbrps", dbrpArray)
            .put("vars", TaskVars.toStored(vars))
            .put("error", error)
            .put("created", created)
            .put("modified", modified)
            .put("last-enabled", lastEnabled);
        return new TaskRecord(id, associated && !templateId.isEmpty() ? templateId : null, type.text(), status,
            version, data);
    }
}
