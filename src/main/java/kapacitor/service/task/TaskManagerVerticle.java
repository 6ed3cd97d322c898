package kapacitor.service.task;

import kapacitor.util.GoQuote;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import kapacitor.api.ApiException;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.app.Replies;
import kapacitor.model.TaskType;
import kapacitor.pipeline.Pipeline;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.TaskStats;
import kapacitor.service.replay.ReplayCommands;
import kapacitor.store.DuplicateKeyException;
import kapacitor.store.NotFoundException;
import kapacitor.store.Store;
import kapacitor.store.TaskRecord;
import kapacitor.util.Glob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tasks API's rules (Kapacitor's services/task_store/service.go task handlers): create, update, enable/disable,
 * delete, get and list, with Kapacitor's checks, order of checks, status codes and texts. At start it counts the
 * stored tasks and starts every enabled one, as Kapacitor's task store does when it opens.
 */
public final class TaskManagerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerVerticle.class);
    /** Kapacitor's id of its main task master, which a replay-id may name. */
    private static final String MAIN_TASK_MASTER = "main";

    private final Store store;
    private final ScriptCompiler compiler;
    private final TaskCounts counts;
    private final TaskStarter starter;
    private final TaskViews views;

    public TaskManagerVerticle(Store store, ScriptCompiler compiler, TaskRunner runner, TaskCounts counts) {
        this.store = store;
        this.compiler = compiler;
        this.counts = counts;
        this.starter = new TaskStarter(store, compiler, runner);
        this.views = new TaskViews(compiler, runner);
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<TaskCommands.Create>localConsumer(Addresses.TASKS_CREATE,
            msg -> Replies.reply(msg, guard(() -> create(msg.body().options()))));
        bus.<TaskCommands.Update>localConsumer(Addresses.TASKS_UPDATE,
            msg -> Replies.reply(msg, guard(() -> update(msg.body().id(), msg.body().options()))));
        bus.<TaskCommands.Get>localConsumer(Addresses.TASKS_GET,
            msg -> Replies.reply(msg, guard(() -> get(msg.body()))));
        bus.<TaskCommands.ListTasks>localConsumer(Addresses.TASKS_LIST,
            msg -> Replies.reply(msg, guard(() -> list(msg.body()))));
        bus.<TaskCommands.Delete>localConsumer(Addresses.TASKS_DELETE,
            msg -> Replies.reply(msg, guard(() -> delete(msg.body().id()))));
        bus.<TaskCommands.HttpOut>localConsumer(Addresses.TASKS_HTTP_OUT,
            msg -> Replies.reply(msg, guard(() -> httpOut(msg.body()))));
        return startEnabledTasks();
    }

    /** Rules throw ApiException for bad input; turn that into a failed Future for the reply. */
    private static <T> Future<T> guard(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Void> startEnabledTasks() {
        return store.tasks().listAll().compose(records -> {
            counts.tasks.set(records.size());
            counts.enabled.set(0);
            Future<Void> chain = Future.succeededFuture();
            for (TaskRecord r : records) {
                TaskDoc t = TaskDoc.from(r);
                if (!t.enabled()) {
                    continue;
                }
                counts.enabled.incrementAndGet();
                chain = chain.compose(v -> starter.start(t)
                    .onSuccess(x -> LOG.info("msg=\"started task\" task={}", t.id))
                    .recover(e -> {
                        LOG.error("msg=\"failed to start enabled task\" task={} error=\"{}\"", t.id, e.getMessage());
                        return Future.succeededFuture();
                    }));
            }
            return chain;
        });
    }

    // ---- create ----

    /** A create request that passed every check: the task to store, its parsed script and its pipeline. */
    private record NewTask(TaskDoc task, ScriptCompiler.ScriptInfo script, Pipeline pipeline) {
    }

    /**
     * Kapacitor looks the id up before any other check. Here the insert's primary key is that look-up, so a create
     * is one store round trip; only a request that fails before the insert looks the id up, and an existing task then
     * wins over the request's own fault, as in Kapacitor.
     */
    private Future<TaskCommands.JsonReply> create(TaskOptions o) {
        String id = TaskIds.checked("task", o.id());
        return newTask(id, o)
            .recover(fault -> existingFirst(id, fault))
            .compose(this::insertAndStart);
    }

    private Future<NewTask> newTask(String id, TaskOptions o) {
        if (o.templateId().isEmpty()) {
            TaskDoc t = new TaskDoc();
            t.id = id;
            t.type = o.type();
            t.script = o.script();
            if (t.script.isEmpty()) {
                return Future.failedFuture(ApiException.badRequest("must provide TICKscript"));
            }
            try {
                return Future.succeededFuture(checked(t, o));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        }
        return store.templates().get(o.templateId())
            .recover(e -> Future.failedFuture(ApiException.badRequest(
                "unknown template " + o.templateId() + ": err: " + e.getMessage())))
            .map(template -> {
                TaskDoc t = new TaskDoc();
                t.id = id;
                t.type = TaskType.fromText(template.type());
                t.script = template.data().getString("script", "");
                t.templateId = o.templateId();
                t.associated = true;
                return checked(t, o);
            });
    }

    /** Fails with "already exists" when the task exists, else with {@code fault}. */
    private <T> Future<T> existingFirst(String id, Throwable fault) {
        return store.tasks().get(id).transform(ar -> {
            if (ar.succeeded()) {
                return Future.failedFuture(alreadyExists(id));
            }
            return Future.failedFuture(ar.cause() instanceof NotFoundException ? fault : ar.cause());
        });
    }

    private static ApiException alreadyExists(String id) {
        return ApiException.badRequest("task " + id + " already exists");
    }

    /** Kapacitor's checks of a new task, in its order; throws ApiException. */
    private NewTask checked(TaskDoc t, TaskOptions o) {
        t.dbrps = new ArrayList<>(o.dbrps());
        t.status = "enabled".equals(o.status()) ? "enabled" : "disabled";
        t.vars = vars(o);
        ScriptCompiler.ScriptInfo info = inspect(t.script);
        t.type = typeOf(info);
        Pipeline pipeline = compileOrFail(t, info);
        String now = GoJson.now();
        t.created = now;
        t.modified = now;
        if (t.enabled()) {
            t.lastEnabled = now;
        }
        if (info.dbrps().isEmpty() && t.dbrps.isEmpty()) {
            throw ApiException.badRequest("must specify dbrp");
        }
        if (!info.dbrps().isEmpty() && !t.dbrps.isEmpty()) {
            throw ApiException.badRequest("cannot specify dbrp in both implicitly and explicitly");
        }
        if (!info.dbrps().isEmpty()) {
            t.dbrps = new ArrayList<>(info.dbrps());
        }
        return new NewTask(t, info, pipeline);
    }

    /**
     * Stores and starts the task, then answers with it as stored (the inserted row, which a successful start leaves
     * as it is). The script was parsed and compiled once, for the checks, the runner and the answer.
     */
    private Future<TaskCommands.JsonReply> insertAndStart(NewTask n) {
        TaskDoc t = n.task();
        return store.tasks().create(t.toRecord())
            .recover(e -> Future.failedFuture(e instanceof DuplicateKeyException
                ? alreadyExists(t.id) : new ApiException(500, e.getMessage())))
            .compose(saved -> {
                counts.tasks.incrementAndGet();
                if (!t.enabled()) {
                    return Future.succeededFuture(saved);
                }
                counts.enabled.incrementAndGet();
                return starter.startCreated(t, n.pipeline()).map(saved);
            })
            .compose(saved -> views.created(TaskDoc.from(saved), n.script().program(), n.pipeline()))
            .map(TaskCommands.JsonReply::new);
    }

    private static Map<String, TaskVar> vars(TaskOptions o) {
        try {
            return TaskVars.validate(o.vars());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
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

    private void compileOrFail(TaskDoc t) {
        try {
            compiler.compileTask(t.script, t.type, t.vars);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid TICKscript: " + e.getMessage());
        }
    }

    /** {@link #compileOrFail(TaskDoc)} of the script {@code info} parsed. */
    private Pipeline compileOrFail(TaskDoc t, ScriptCompiler.ScriptInfo info) {
        try {
            return compiler.compileTask(info, t.type, t.vars);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid TICKscript: " + e.getMessage());
        }
    }

    private Future<TaskDoc> reload(String id) {
        return store.tasks().get(id).map(TaskDoc::from);
    }

    // ---- update ----

    private Future<TaskCommands.JsonReply> update(String id, TaskOptions o) {
        return store.tasks().get(id)
            .recover(e -> Future.failedFuture(e instanceof NotFoundException
                ? ApiException.notFound("task does not exist, cannot update") : e))
            .map(TaskDoc::from)
            .compose(original -> {
                TaskDoc updated = original.copy();
                if (!o.id().isEmpty()) {
                    updated.id = o.id();
                }
                if (!o.templateId().isEmpty() || !updated.templateId.isEmpty()) {
                    String templateId = o.templateId().isEmpty() ? updated.templateId : o.templateId();
                    return store.templates().get(templateId)
                        .recover(e -> Future.failedFuture(ApiException.badRequest(
                            "unknown template " + o.templateId() + ": err: " + e.getMessage())))
                        .compose(template -> {
                            updated.type = TaskType.fromText(template.type());
                            updated.script = template.data().getString("script", "");
                            updated.templateId = templateId;
                            updated.associated = true;
                            return updateChecked(original, updated, o);
                        });
                }
                if (o.type() != null) {
                    updated.type = o.type();
                }
                ScriptCompiler.ScriptInfo old = inspect(updated.script);
                if (!o.script().isEmpty()) {
                    updated.script = o.script();
                    ScriptCompiler.ScriptInfo next = inspect(updated.script);
                    if (!old.dbrps().isEmpty() && next.dbrps().isEmpty() && o.dbrps().isEmpty()) {
                        throw ApiException.badRequest("must specify dbrp");
                    }
                }
                return updateChecked(original, updated, o);
            });
    }

    private Future<TaskCommands.JsonReply> updateChecked(TaskDoc original, TaskDoc updated, TaskOptions o) {
        ScriptCompiler.ScriptInfo info = inspect(updated.script);
        if (!info.dbrps().isEmpty() && !o.dbrps().isEmpty()) {
            // Kapacitor's text differs from the create handler's here ("in implicitly").
            throw ApiException.badRequest("cannot specify dbrp in implicitly and explicitly");
        } else if (!info.dbrps().isEmpty()) {
            updated.dbrps = new ArrayList<>(info.dbrps());
        } else if (!o.dbrps().isEmpty()) {
            updated.dbrps = new ArrayList<>(o.dbrps());
        }
        String previousStatus = updated.status;
        if (o.status() != null) {
            updated.status = o.status();
        }
        boolean statusChanged = !previousStatus.equals(updated.status);
        if (!o.vars().isEmpty()) {
            updated.vars = vars(o);
        }
        updated.type = typeOf(info);
        compileOrFail(updated);
        String now = GoJson.now();
        updated.modified = now;
        if (statusChanged && updated.enabled()) {
            updated.lastEnabled = now;
        }
        boolean renamed = !original.id.equals(updated.id);
        Future<Void> saved;
        if (renamed) {
            updated.version = 0;
            saved = store.inTransaction(tx -> store.tasks().create(tx, updated.toRecord())
                    .compose(created -> store.tasks().delete(tx, original.id)))
                .recover(e -> Future.failedFuture(new ApiException(500,
                    "failed to create new task during ID change: " + e.getMessage())))
                .compose(v -> {
                    if (original.enabled() && updated.enabled()) {
                        return starter.stop(original.id).compose(x -> starter.start(updated));
                    }
                    return Future.succeededFuture();
                });
        } else {
            saved = store.tasks().update(updated.toRecord())
                .recover(e -> Future.failedFuture(new ApiException(500,
                    "failed to replace task definition: " + e.getMessage())))
                .mapEmpty();
        }
        return saved
            .compose(v -> {
                if (!statusChanged) {
                    return Future.succeededFuture();
                }
                if (updated.enabled()) {
                    counts.enabled.incrementAndGet();
                    return starter.start(updated);
                }
                counts.enabled.decrementAndGet();
                return starter.stop(original.id);
            })
            .compose(v -> reload(updated.id))
            .compose(t -> views.task(t, true, false))
            .map(TaskCommands.JsonReply::new);
    }

    // ---- delete, get, list, httpOut ----

    private Future<Void> delete(String id) {
        return store.snapshots().delete(id).otherwiseEmpty()
            .compose(x -> store.tasks().get(id))
            .map(TaskDoc::from)
            .compose(t -> {
                counts.tasks.decrementAndGet();
                Future<Void> stopped = Future.succeededFuture();
                if (t.enabled()) {
                    counts.enabled.decrementAndGet();
                    stopped = starter.stop(id);
                }
                return stopped.compose(v -> store.tasks().delete(id))
                    // The alert service drops the task's anonymous topics (Kapacitor's task delete hook).
                    .onSuccess(v -> vertx.eventBus().publish(Addresses.TASKS_DELETED, id))
                    .<Void>mapEmpty();
            })
            .recover(e -> e instanceof NotFoundException ? Future.succeededFuture() : Future.failedFuture(e));
    }

    private Future<TaskCommands.JsonReply> get(TaskCommands.Get cmd) {
        return store.tasks().get(cmd.id())
            .recover(e -> Future.failedFuture(
                e instanceof NotFoundException ? ApiException.notFound(e.getMessage()) : e))
            .compose(r -> {
                boolean formatted = QueryParams.formatted(cmd.scriptFormat());
                boolean labels = QueryParams.labels(cmd.dotView());
                String replayId = cmd.replayId();
                // Kapacitor looks the id up among its task masters, the main one included.
                Future<TaskViews> views = replayId.isEmpty() || replayId.equals(MAIN_TASK_MASTER)
                    ? Future.succeededFuture(this.views) : replayViews(replayId, r.id());
                return views.compose(v -> v.task(TaskDoc.from(r), formatted, labels)
                    .recover(e -> Future.failedFuture(new ApiException(500,
                        "invalid task stored in db: " + e.getMessage()))));
            })
            .map(TaskCommands.JsonReply::new);
    }

    /**
     * The task as it runs inside replay {@code replayId}, from the replay service (which holds the running replays);
     * with no replay service answering, no replay runs.
     */
    private Future<TaskViews> replayViews(String replayId, String taskId) {
        return vertx.eventBus().<ReplayCommands.Reply>request(Addresses.REPLAY_COMMAND,
                new ReplayCommands.TaskInReplay(replayId, taskId), LocalCodec.DELIVERY)
            .transform(ar -> {
                if (ar.succeeded()) {
                    TaskStats stats = (TaskStats) ar.result().body().body();
                    return Future.succeededFuture(new TaskViews(compiler, new ReplayCopy(taskId, stats)));
                }
                if (ar.cause() instanceof ReplyException e && e.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                    return Future.failedFuture(new ApiException(e.failureCode(), e.getMessage()));
                }
                if (ar.cause() instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS) {
                    return Future.failedFuture(ApiException.badRequest("no running replay with ID: " + replayId));
                }
                return Future.failedFuture(ar.cause());
            });
    }

    /**
     * What the task views read of a replay's copy of a task: executing, with the stats taken for this request. The
     * views only read; replay copies are started and stopped by the replay service.
     */
    private record ReplayCopy(String taskId, TaskStats stats) implements TaskRunner {
        @Override
        public Future<Void> start(TaskSpec spec) {
            return Future.failedFuture(new IllegalStateException("a replay's copy is started by its replay"));
        }

        @Override
        public Future<Void> stop(String id) {
            return Future.failedFuture(new IllegalStateException("a replay's copy is stopped by its replay"));
        }

        @Override
        public boolean isExecuting(String id) {
            return taskId.equals(id);
        }

        @Override
        public Future<TaskStats> stats(String id) {
            return Future.succeededFuture(stats);
        }

        @Override
        public Future<Buffer> httpOut(String id, String name) {
            return Future.failedFuture(new IllegalStateException("a replay's endpoints are served by its task"));
        }
    }

    private Future<TaskCommands.JsonReply> list(TaskCommands.ListTasks cmd) {
        List<String> fields;
        if (cmd.fields().isEmpty()) {
            fields = TaskViews.ALL_TASK_FIELDS;
        } else {
            LinkedHashSet<String> wanted = new LinkedHashSet<>(cmd.fields());
            wanted.add("id");
            wanted.add("link");
            fields = List.copyOf(wanted);
        }
        boolean formatted = QueryParams.formatted(cmd.scriptFormat());
        boolean labels = QueryParams.labels(cmd.dotView());
        long offset = QueryParams.integer("offset", cmd.offset(), 0);
        long limit = QueryParams.integer("limit", cmd.limit(), 100);
        String pattern = cmd.pattern();
        if (!Glob.isValid(pattern)) {
            throw ApiException.badRequest("failed to list tasks with pattern " + GoQuote.quote(pattern)
                + ": syntax error in pattern");
        }
        return store.tasks().list(pattern, QueryParams.clamp(Math.max(0, offset)), QueryParams.clamp(limit))
            .compose(records -> {
                List<Future<Map<String, Object>>> entries = new ArrayList<>();
                for (TaskRecord r : records) {
                    entries.add(views.listEntry(TaskDoc.from(r), fields, formatted, labels));
                }
                return Future.all(entries).transform(ar -> {
                    for (Future<Map<String, Object>> f : entries) {
                        if (f.failed()) {
                            return Future.failedFuture(ApiException.badRequest(f.cause().getMessage()));
                        }
                    }
                    List<Map<String, Object>> tasks = new ArrayList<>();
                    entries.forEach(f -> tasks.add(f.result()));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("tasks", tasks);
                    return Future.succeededFuture(new TaskCommands.JsonReply(body));
                });
            });
    }

    /**
     * Kapacitor registers {@code /tasks/ID/NAME} for each running httpOut node; any other such path falls through
     * to the task handler, which finds no task with the id "ID/NAME".
     */
    private Future<Buffer> httpOut(TaskCommands.HttpOut cmd) {
        return starter.runner().httpOut(cmd.id(), cmd.name())
            .recover(e -> Future.failedFuture(ApiException.statusOf(e) == 404
                ? ApiException.notFound("no task exists") : e));
    }
}
