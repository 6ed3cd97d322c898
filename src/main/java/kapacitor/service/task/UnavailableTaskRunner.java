package kapacitor.service.task;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import kapacitor.api.ApiException;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.TaskStats;

/**
 * The runner of a build without the task runtime: tasks can be defined, listed and disabled, and enabling one fails
 * with 501 (stored as the task's error), so nobody mistakes a defined task for a running one.
 */
public final class UnavailableTaskRunner implements TaskRunner {
    static final String TEXT = "task execution is not available in this build";

    @Override
    public Future<Void> start(TaskSpec spec) {
        return Future.failedFuture(new ApiException(501, TEXT));
    }

    @Override
    public Future<Void> stop(String taskId) {
        return Future.succeededFuture();
    }

    @Override
    public boolean isExecuting(String taskId) {
        return false;
    }

    @Override
    public Future<TaskStats> stats(String taskId) {
        return Future.failedFuture(new ApiException(404, "task " + taskId + " is not running"));
    }

    @Override
    public Future<Buffer> httpOut(String taskId, String name) {
        return Future.failedFuture(new ApiException(404, "no endpoint " + name + " for task " + taskId));
    }
}
