package kapacitor.service.task;

import kapacitor.util.GoQuote;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import kapacitor.api.ApiException;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.model.TaskType;
import kapacitor.runtime.TaskRunner;
import kapacitor.store.NotFoundException;
import kapacitor.store.Store;
import kapacitor.store.TaskRecord;
import kapacitor.store.TemplateRecord;
import kapacitor.util.Glob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The templates API's rules (Kapacitor's services/task_store/service.go template handlers). Updating a template
 * re-compiles its tasks first and stores the template and every task in one transaction, so a template change that
 * breaks an enabled task changes nothing; deleting a template leaves its tasks in place without the association.
 */
public final class TemplateManagerVerticle extends VerticleBase {
    private final Store store;
    private final ScriptCompiler compiler;
    private final TaskStarter starter;
    private final TaskViews views;

    public TemplateManagerVerticle(Store store, ScriptCompiler compiler, TaskRunner runner) {
        this.store = store;
        this.compiler = compiler;
        this.starter = new TaskStarter(store, compiler, runner);
        this.views = new TaskViews(compiler, runner);
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<TemplateCommands.Create>localConsumer(Addresses.TEMPLATES_CREATE,
            msg -> Replies.reply(msg, guard(() -> create(msg.body().options()))));
        bus.<TemplateCommands.Update>localConsumer(Addresses.TEMPLATES_UPDATE,
            msg -> Replies.reply(msg, guard(() -> update(msg.body().id(), msg.body().options()))));
        bus.<TemplateCommands.Get>localConsumer(Addresses.TEMPLATES_GET,
            msg -> Replies.reply(msg, guard(() -> get(msg.body()))));
        bus.<TemplateCommands.ListTemplates>localConsumer(Addresses.TEMPLATES_LIST,
            msg -> Replies.reply(msg, guard(() -> list(msg.body()))));
        bus.<TemplateCommands.Delete>localConsumer(Addresses.TEMPLATES_DELETE,
            msg -> Replies.reply(msg, guard(() -> delete(msg.body().id()))));
        return Future.succeededFuture();
    }

    private static <T> Future<T> guard(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<TaskCommands.JsonReply> create(TemplateOptions o) {
        String id = TaskIds.checked("template", o.id());
        return store.templates().get(id).transform(ar -> {
            if (ar.succeeded()) {
                return Future.failedFuture(ApiException.badRequest("template " + id + " already exists"));
            }
            if (!(ar.cause() instanceof NotFoundException)) {
                return Future.failedFuture(ar.cause());
            }
            TemplateDoc t = new TemplateDoc();
            t.id = id;
            t.type = typeOf(inspect(o.script()));
            t.script = o.script();
            if (t.script.isEmpty()) {
                throw ApiException.badRequest("must provide TICKscript");
            }
            compileOrFail(t);
            String now = GoJson.now();
            t.created = now;
            t.modified = now;
            return store.templates().create(t.toRecord())
                .recover(e -> Future.failedFuture(new ApiException(500, e.getMessage())))
                .map(saved -> new TaskCommands.JsonReply(views.template(t, true)));
        });
    }

    private ScriptCompiler.ScriptInfo inspect(String script) {
        try {
            return compiler.inspect(script);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid TICKscript: " + e.getMessage());
        }
    }

    private static TaskType typeOf(ScriptCompiler.ScriptInfo info) {
        if (info.type() == null) {
            throw ApiException.badRequest("invalid task type: invalid");
        }
        return info.type();
    }

    private void compileOrFail(TemplateDoc t) {
        try {
            compiler.compileTemplate(t.script, t.type);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid TICKscript: " + e.getMessage());
        }
    }

    private Future<TaskCommands.JsonReply> get(TemplateCommands.Get cmd) {
        return store.templates().get(cmd.id())
            .recover(e -> Future.failedFuture(
                e instanceof NotFoundException ? ApiException.notFound(e.getMessage()) : e))
            .map(r -> new TaskCommands.JsonReply(
                views.template(TemplateDoc.from(r), QueryParams.formatted(cmd.scriptFormat()))));
    }

    private Future<TaskCommands.JsonReply> list(TemplateCommands.ListTemplates cmd) {
        List<String> fields;
        if (cmd.fields().isEmpty()) {
            fields = TaskViews.ALL_TEMPLATE_FIELDS;
        } else {
            LinkedHashSet<String> wanted = new LinkedHashSet<>(cmd.fields());
            wanted.add("id");
            wanted.add("link");
            fields = List.copyOf(wanted);
        }
        boolean formatted = QueryParams.formatted(cmd.scriptFormat());
        long offset = QueryParams.integer("offset", cmd.offset(), 0);
        long limit = QueryParams.integer("limit", cmd.limit(), 100);
        if (!Glob.isValid(cmd.pattern())) {
            throw ApiException.badRequest("failed to list templates with pattern " + GoQuote.quote(cmd.pattern())
                + ": syntax error in pattern");
        }
        return store.templates().list(cmd.pattern(), QueryParams.clamp(Math.max(0, offset)), QueryParams.clamp(limit))
            .map(records -> {
                List<Map<String, Object>> templates = new ArrayList<>();
                for (TemplateRecord r : records) {
                    try {
                        templates.add(views.templateEntry(TemplateDoc.from(r), fields, formatted));
                    } catch (TaskViews.UnsupportedField e) {
                        throw ApiException.badRequest(e.getMessage());
                    }
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("templates", templates);
                return new TaskCommands.JsonReply(body);
            });
    }

    // ---- update ----

    private Future<TaskCommands.JsonReply> update(String id, TemplateOptions o) {
        return store.templates().get(id)
            .recover(e -> Future.failedFuture(e instanceof NotFoundException
                ? ApiException.notFound("template does not exist, cannot update") : e))
            .map(TemplateDoc::from)
            .compose(original -> {
                TemplateDoc updated = original.copy();
                if (!o.id().isEmpty()) {
                    updated.id = o.id();
                }
                if (o.type() != null) {
                    updated.type = o.type();
                }
                if (!o.script().isEmpty()) {
                    updated.script = o.script();
                }
                compileOrFail(updated);
                return store.tasks().listByTemplate(original.id)
                    .recover(e -> Future.failedFuture(new ApiException(500, "error getting associated tasks for "
                        + "template " + original.id + ": " + e.getMessage())))
                    .compose(records -> updateWithTasks(original, updated, records));
            });
    }

    private Future<TaskCommands.JsonReply> updateWithTasks(TemplateDoc original, TemplateDoc updated,
                                                          List<TaskRecord> records) {
        updated.modified = GoJson.now();
        ScriptCompiler.ScriptInfo oldInfo;
        ScriptCompiler.ScriptInfo newInfo;
        try {
            oldInfo = compiler.inspect(original.script);
        } catch (IllegalArgumentException e) {
            throw new ApiException(500, "failed to parse old tickscript: " + e.getMessage());
        }
        try {
            newInfo = compiler.inspect(updated.script);
        } catch (IllegalArgumentException e) {
            throw new ApiException(500, "failed to parse new tickscript: " + e.getMessage());
        }
        List<TaskDoc> tasks = new ArrayList<>();
        for (TaskRecord r : records) {
            TaskDoc t = TaskDoc.from(r);
            t.templateId = updated.id;
            t.script = updated.script;
            t.type = updated.type;
            if (!oldInfo.dbrps().isEmpty() || !newInfo.dbrps().isEmpty()) {
                t.dbrps = new ArrayList<>(newInfo.dbrps());
            }
            if (t.enabled()) {
                // Kapacitor finds this when it restarts the task, then rolls every task back; checking first
                // means nothing is stored or restarted.
                try {
                    starter.spec(t);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(500, "error reloading associated task " + t.id + ": " + e.getMessage());
                }
                if (t.dbrps.isEmpty()) {
                    throw new ApiException(500, "error reloading associated task " + t.id + ": "
                        + TaskStarter.NO_DBRPS);
                }
            }
            tasks.add(t);
        }
        boolean renamed = !original.id.equals(updated.id);
        Future<Void> saved = store.inTransaction(tx -> {
            Future<?> template;
            if (renamed) {
                updated.version = 0;
                template = store.templates().create(tx, updated.toRecord())
                    .recover(e -> Future.failedFuture(new ApiException(500,
                        "failed to create new template for ID change: " + e.getMessage())))
                    .compose(v -> store.templates().delete(tx, original.id));
            } else {
                template = store.templates().update(tx, updated.toRecord())
                    .recover(e -> Future.failedFuture(new ApiException(500,
                        "failed to replace template definition: " + e.getMessage())));
            }
            Future<Void> chain = template.mapEmpty();
            for (TaskDoc t : tasks) {
                chain = chain.compose(v -> store.tasks().update(tx, t.toRecord())
                    .recover(e -> Future.failedFuture(new ApiException(500,
                        "error updating associated task " + t.id + ": " + e.getMessage())))
                    .mapEmpty());
            }
            return chain;
        });
        return saved.compose(v -> restart(tasks))
            .map(v -> new TaskCommands.JsonReply(views.template(updated, true)));
    }

    /** Restarts the enabled tasks on the new script; the first failure is the answer, as in Kapacitor. */
    private Future<Void> restart(List<TaskDoc> tasks) {
        Future<Void> chain = Future.succeededFuture();
        for (TaskDoc t : tasks) {
            if (!t.enabled()) {
                continue;
            }
            chain = chain.compose(v -> starter.stop(t.id).compose(x -> starter.start(t))
                .recover(e -> Future.failedFuture(new ApiException(500,
                    "error reloading associated task " + t.id + ": " + e.getMessage()))));
        }
        return chain;
    }

    // ---- delete ----

    /** Always 204, as Kapacitor; the tasks keep their template-id but lose the association. */
    private Future<Void> delete(String id) {
        return store.tasks().listByTemplate(id).compose(records -> store.inTransaction(tx -> {
            Future<?> chain = store.templates().delete(tx, id);
            for (TaskRecord r : records) {
                TaskDoc t = TaskDoc.from(r);
                t.associated = false;
                chain = chain.compose(v -> store.tasks().update(tx, t.toRecord()));
            }
            return chain.mapEmpty();
        }));
    }
}
