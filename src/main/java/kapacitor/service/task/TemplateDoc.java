package kapacitor.service.task;

import io.vertx.core.json.JsonObject;
import kapacitor.model.TaskType;
import kapacitor.store.TemplateRecord;

/** A template as the manager edits it (Kapacitor's task_store Template); confined to one command. */
final class TemplateDoc {
    String id;
    TaskType type;
    long version;
    String script = "";
    String error = "";
    String created = GoJson.ZERO_TIME;
    String modified = GoJson.ZERO_TIME;

    TemplateDoc copy() {
        TemplateDoc c = new TemplateDoc();
        c.id = id;
        c.type = type;
        c.version = version;
        c.script = script;
        c.error = error;
        c.created = created;
        c.modified = modified;
        return c;
    }

    static TemplateDoc from(TemplateRecord r) {
        TemplateDoc t = new TemplateDoc();
        t.id = r.id();
        t.type = TaskType.fromText(r.type());
        t.version = r.version();
        t.script = r.data().getString("script", "");
        t.error = r.data().getString("error", "");
        t.created = r.data().getString("created", GoJson.ZERO_TIME);
        t.modified = r.data().getString("modified", GoJson.ZERO_TIME);
        return t;
    }

    TemplateRecord toRecord() {
        JsonObject data = new JsonObject().put("script", script).put("error", error).put("created", created)
            .put("modified", modified);
        return new TemplateRecord(id, type.text(), version, data);
    }
}
