package kapacitor.service.task;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import kapacitor.api.ApiException;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.TaskStats;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A task runner for API tests: records every start and stop, runs nothing, reports started tasks as executing with
 * fixed statistics, and can be told to fail the start of a given task. Thread-safe.
 */
public final class RecordingTaskRunner implements TaskRunner {
    public static final String EXECUTING_DOT_SUFFIX = " [executing]";

    private final List<TaskSpec> starts = new CopyOnWriteArrayList<>();
    private final List<String> stops = new CopyOnWriteArrayList<>();
    private final Map<String, TaskSpec> running = new ConcurrentHashMap<>();
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final Map<String, Buffer> endpoints = new ConcurrentHashMap<>();

    /** Every later start of {@code taskId} fails with {@code message}. */
    public void failStart(String taskId, String message) {
        startFailures.put(taskId, message);
    }

    public void endpoint(String taskId, String name, String body) {
        endpoints.put(taskId + "/" + name, Buffer.buffer(body));
    }

    public List<TaskSpec> starts() {
        return List.copyOf(starts);
    }

    public List<String> stops() {
        return List.copyOf(stops);
    }

    @Override
    public Future<Void> start(TaskSpec spec) {
        starts.add(spec);
        String failure = startFailures.get(spec.id());
        if (failure != null) {
            return Future.failedFuture(new IllegalStateException(failure));
        }
        running.put(spec.id(), spec);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop(String taskId) {
        stops.add(taskId);
        running.remove(taskId);
        return Future.succeededFuture();
    }

    @Override
    public boolean isExecuting(String taskId) {
        return running.containsKey(taskId);
    }

    /** Stats with the plain DOT of the running pipeline, marked so tests can tell it came from here. */
    @Override
    public Future<TaskStats> stats(String taskId) {
        TaskSpec spec = running.get(taskId);
        if (spec == null) {
            return Future.failedFuture(new ApiException(404, "task " + taskId + " is not running"));
        }
        String dot = spec.pipeline().dot(taskId);
        return Future.succeededFuture(new TaskStats(
            Map.of("task-stats", Map.of("throughput", 0), "node-stats", Map.of("stream0", Map.of("errors", 0))),
            dot + EXECUTING_DOT_SUFFIX, dot + " [labels]"));
    }

    @Override
    public Future<Buffer> httpOut(String taskId, String name) {
        Buffer body = running.containsKey(taskId) ? endpoints.get(taskId + "/" + name) : null;
        return body == null
            ? Future.failedFuture(new ApiException(404, "no endpoint"))
            : Future.succeededFuture(body);
    }
}
