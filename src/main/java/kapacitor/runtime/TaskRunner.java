package kapacitor.runtime;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * How the task manager starts and stops tasks on this node. Implementations deploy one TaskVerticle per task
 * (ARCHITECTURE.md §4); all methods may be called from any thread and never block.
 */
public interface TaskRunner {
    /** Starts the task; fails with the start error as Kapacitor words it (the manager stores it as the task error). */
    Future<Void> start(TaskSpec spec);

    /** Stops the task if it runs here; succeeds when it was not running. */
    Future<Void> stop(String taskId);

    boolean isExecuting(String taskId);

    /** Statistics of a running task; fails with 404 ApiException-style status when it is not running. */
    Future<TaskStats> stats(String taskId);

    /**
     * The latest result of the task's {@code httpOut(name)} node as Kapacitor's JSON body ({@code {"series":[...]}});
     * fails with a 404 "no endpoint" style error when the task or the endpoint does not exist.
     */
    Future<Buffer> httpOut(String taskId, String name);
}
