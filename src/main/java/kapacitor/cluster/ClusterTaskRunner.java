package kapacitor.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import kapacitor.api.Json;
import kapacitor.app.Addresses;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.TaskStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The task manager's runner in cluster mode: a start or stop is carried out by the task's owner over
 * {@code kapacitor.node.<owner>.control} and answered, so the API still reports {@code executing} and start errors
 * as on one node; then every node is told ({@code tasks.changed}) to reconcile. Stats and httpOut are read from the
 * node that executes the task.
 */
public final class ClusterTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTaskRunner.class);
    // A dead owner is normally dropped from membership within a second; do not hold an API request much longer.
    private static final DeliveryOptions CONTROL = new DeliveryOptions().setSendTimeout(10_000);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Vertx vertx;
    private final ClusterState state;
    private final Membership membership;

    private volatile Supplier<Future<Void>> refreshLocal = Future::succeededFuture;

    public ClusterTaskRunner(Vertx vertx, ClusterState state, Membership membership) {
        this.vertx = vertx;
        this.state = state;
        this.membership = membership;
    }

    /**
     * How this node brings its own routes up to date; a start waits for it, so points written to this node right
     * after a create reach the new task wherever it runs (other nodes follow on {@code tasks.changed}).
     */
    void refreshLocalWith(Supplier<Future<Void>> refresh) {
        this.refreshLocal = refresh;
    }

    @Override
    public Future<Void> start(TaskSpec spec) {
        String owner = Rendezvous.owner(spec.id(), membership.nodes());
        return control(owner, "start", spec.id()).<Void>map(reply -> {
            state.noteStarted(spec.id(), reply instanceof JsonObject j ? j.getString("node", owner) : owner);
            return null;
        }).recover(e -> {
            if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
                // The owner is still starting: its first reconcile places the task.
                LOG.info("msg=\"task owner not ready, placement will start the task\" task={} owner={}",
                    spec.id(), owner);
                return Future.succeededFuture();
            }
            return Future.failedFuture(e);
        }).compose(v -> refreshLocal.get().recover(e -> Future.succeededFuture()))
            .onComplete(ar -> changed());
    }

    @Override
    public Future<Void> stop(String taskId) {
        // Every node is asked: during a hand-off the task may still run on its previous owner.
        List<Future<Object>> all = new ArrayList<>();
        for (String node : membership.nodes()) {
            all.add(control(node, "stop", taskId));
        }
        return Future.join(all).<Void>mapEmpty().recover(e -> Future.succeededFuture()).onComplete(ar -> {
            state.noteStopped(taskId);
            changed();
        });
    }

    @Override
    public boolean isExecuting(String taskId) {
        return liveNode(taskId) != null;
    }

    /** The member running the task, or null; a node that left the cluster runs nothing (its tasks are moving). */
    private String liveNode(String taskId) {
        String node = state.executingOn(taskId);
        return node != null && membership.nodes().contains(node) ? node : null;
    }

    @Override
    public Future<TaskStats> stats(String taskId) {
        String node = liveNode(taskId);
        if (node == null) {
            return notFound("task " + taskId + " is not running");
        }
        return control(node, "stats", taskId).compose(body -> {
            try {
                Map<String, Object> m = Json.MAPPER.readValue(((Buffer) body).getBytes(), MAP);
                @SuppressWarnings("unchecked")
                Map<String, Object> stats = (Map<String, Object>) m.get("stats");
                return Future.succeededFuture(new TaskStats(stats, (String) m.get("dot-attributes"),
                    (String) m.get("dot-labels")));
            } catch (IOException | RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
    }

    @Override
    public Future<Buffer> httpOut(String taskId, String name) {
        String node = liveNode(taskId);
        if (node == null) {
            node = Rendezvous.owner(taskId, membership.nodes());
        }
        return vertx.eventBus().<Buffer>request(Addresses.nodeControl(node),
            new JsonObject().put("op", "httpout").put("task", taskId).put("name", name), CONTROL)
            .map(reply -> reply.body());
    }

    private Future<Object> control(String node, String op, String taskId) {
        return vertx.eventBus().request(Addresses.nodeControl(node),
            new JsonObject().put("op", op).put("task", taskId), CONTROL).map(reply -> reply.body());
    }

    private void changed() {
        vertx.eventBus().publish(Addresses.CLUSTER_TASKS_CHANGED, new JsonObject());
    }

    private static <T> Future<T> notFound(String message) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, message));
    }
}
