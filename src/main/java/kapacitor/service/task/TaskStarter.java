package kapacitor.service.task;

import io.vertx.core.Future;
import kapacitor.api.ApiException;
import kapacitor.pipeline.Pipeline;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.store.Store;
import kapacitor.store.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Starts and stops tasks the way Kapacitor's task store does ({@code startTask}): the stored error is cleared before
 * a start and replaced by the start error when it fails. Shared by the task and template managers.
 */
final class TaskStarter {
    private static final Logger LOG = LoggerFactory.getLogger(TaskStarter.class);

    static final String NO_DBRPS = "task does contain any dbrps";

    private final Store store;
    private final ScriptCompiler compiler;
    private final TaskRunner runner;

    TaskStarter(Store store, ScriptCompiler compiler, TaskRunner runner) {
        this.store = store;
        this.compiler = compiler;
        this.runner = runner;
    }

    TaskRunner runner() {
        return runner;
    }

    /** Starts the task; fails with a 500 carrying the start error, which is also saved as the task's error. */
    Future<Void> start(TaskDoc task) {
        TaskSpec spec;
        try {
            spec = spec(task);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ApiException(500, e.getMessage()));
        }
        return failedSaved(task.id, saveError(task.id, "").compose(v -> launch(spec)));
    }

    /**
     * Starts a task just stored with an empty error, which the start would clear first: one store read less per
     * create. Takes the pipeline the create compiled so the script is not compiled again.
     */
    Future<Void> startCreated(TaskDoc task, Pipeline pipeline) {
        return failedSaved(task.id, launch(new TaskSpec(task.id, task.type, pipeline, List.copyOf(task.dbrps))));
    }

    private Future<Void> launch(TaskSpec spec) {
        return spec.dbrps().isEmpty()
            // Kapacitor's TaskMaster.StartTask refuses these before anything runs (its text, typo included).
            ? Future.failedFuture(new IllegalStateException(NO_DBRPS))
            : runner.start(spec);
    }

    /** A failed start is saved as the task's error and answered with it. */
    private Future<Void> failedSaved(String id, Future<Void> started) {
        return started.recover(e -> {
            String text = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.info("msg=\"failed to start task\" task={} error=\"{}\"", id, text);
            // Kapacitor answers 500; a runner that names a more precise server status (501: no runtime in
            // this build) keeps it.
            int status = e instanceof ApiException a && a.status() > 500 ? a.status() : 500;
            return saveError(id, text).transform(ar -> Future.failedFuture(new ApiException(status, text)));
        });
    }

    /** What the runner gets; throws {@link IllegalArgumentException} when the task does not compile. */
    TaskSpec spec(TaskDoc task) {
        return new TaskSpec(task.id, task.type, compiler.compileTask(task.script, task.type, task.vars),
            List.copyOf(task.dbrps));
    }

    Future<Void> stop(String id) {
        return runner.stop(id);
    }

    /** Kapacitor's {@code saveLastError}: the error field of the stored task, whatever else changed meanwhile. */
    Future<Void> saveError(String id, String text) {
        return store.tasks().get(id).compose(r -> {
            if (text.equals(r.data().getString("error", ""))) {
                return Future.succeededFuture();
            }
            TaskRecord changed = new TaskRecord(r.id(), r.templateId(), r.type(), r.status(), r.version(),
                r.data().copy().put("error", text));
            return store.tasks().update(changed).<Void>mapEmpty();
        });
    }
}
