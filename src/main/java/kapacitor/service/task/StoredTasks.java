package kapacitor.service.task;

import kapacitor.runtime.TaskSpec;
import kapacitor.store.TaskRecord;

/**
 * Reads stored tasks the way the task manager does, for code outside this package that places tasks (the cluster's
 * reconcile loop): the same compile path, so a task started by placement runs exactly what a local start would run.
 */
public final class StoredTasks {
    private StoredTasks() {
    }

    public static boolean enabled(TaskRecord r) {
        return TaskDoc.from(r).enabled();
    }

    /** The runtime spec of a stored task; throws {@link IllegalArgumentException} when its script does not compile. */
    public static TaskSpec spec(TaskRecord r, ScriptCompiler compiler) {
        TaskDoc t = TaskDoc.from(r);
        if (t.dbrps.isEmpty()) {
            throw new IllegalArgumentException(TaskStarter.NO_DBRPS);
        }
        return new TaskStarter(null, compiler, null).spec(t);
    }
}
