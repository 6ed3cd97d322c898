package kapacitor.service.alert;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Topics;
import kapacitor.cluster.Membership;
import kapacitor.cluster.Rendezvous;
import kapacitor.store.LeaseRecord;
import kapacitor.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where alert topics live in a cluster (ARCHITECTURE.md §7): a task's anonymous topics on the node that executes the
 * task (its lease holder, else its rendezvous owner), a named topic on the rendezvous owner of its name among the
 * live nodes. Events of a named topic raised elsewhere are forwarded to its owner ({@link Topics.Router}); when
 * membership changes, a node that gains named topics loads their states from the store.
 */
final class AlertCluster implements Topics.Router {
    private static final Logger LOG = LoggerFactory.getLogger(AlertCluster.class);
    /** Published with {@code {"node": sender, "op": "handlers" | "task-deleted", "task": id}}. */
    static final String CHANGED = "kapacitor.cluster.alerts.changed";
    static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(10_000);

    private final Vertx vertx;
    private final Store store;
    private final Topics topics;
    private final Membership membership;
    private List<String> lastMembers;

    private AlertCluster(Vertx vertx, Store store, Topics topics, Membership membership) {
        this.vertx = vertx;
        this.store = store;
        this.topics = topics;
        this.membership = membership;
        this.lastMembers = membership.nodes();
    }

    /** The cluster part of a clustered node's alert service; null standalone. */
    static AlertCluster of(Vertx vertx, Store store, Topics topics) {
        if (!vertx.isClustered() || !(((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hz)) {
            return null;
        }
        return new AlertCluster(vertx, store, topics, Membership.hazelcast(hz.getNodeId(), hz.getHazelcastInstance()));
    }

    /** Clustered: alert events for, and API reads of, the topics one node owns. */
    static String nodeAlerts(String nodeId) {
        return "kapacitor.node." + nodeId + ".alerts";
    }

    String self() {
        return membership.self();
    }

    List<String> members() {
        return membership.nodes();
    }

    /** Follows membership on {@code context}: named topics this node gains are loaded from the store. */
    void listen(Context context) {
        membership.listen(context, nodes -> {
            List<String> before = lastMembers;
            lastMembers = nodes;
            String self = self();
            StoredTopics.restore(store, topics, t -> StoredTopics.taskOf(t) == null
                    && self.equals(Rendezvous.owner(t, nodes)) && !self.equals(Rendezvous.owner(t, before)), false)
                .onFailure(e -> LOG.error("msg=\"failed to load alert topics taken over\" error=\"{}\"",
                    e.getMessage()));
        });
    }

    void close() {
        membership.close();
    }

    /** Named topics owned elsewhere go to their owner; anonymous topics stay with their task, here. */
    @Override
    public boolean forward(AlertEvent event) {
        String topic = event.topic();
        if (StoredTopics.taskOf(topic) != null) {
            return false;
        }
        String owner = Rendezvous.owner(topic, membership.nodes());
        if (owner == null || owner.equals(self())) {
            return false;
        }
        vertx.eventBus().request(nodeAlerts(owner), new io.vertx.core.json.JsonObject().put("op", "event")
            .put("event", AlertWire.event(event)), REQUEST).onFailure(e -> {
                if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
                    // The owner has just gone and membership does not show it yet: better here than nowhere.
                    topics.collectHere(event);
                } else {
                    LOG.warn("msg=\"failed to forward alert event\" topic={} owner={} error=\"{}\"", topic, owner,
                        e.getMessage());
                }
            });
        return true;
    }

    /** The owner of every topic, from one read of the task leases. */
    Future<UnaryOperator<String>> owners() {
        List<String> nodes = membership.nodes();
        return store.leases().listAll().map(leases -> {
            Map<String, String> holders = new HashMap<>();
            for (LeaseRecord l : leases) {
                if (nodes.contains(l.nodeId())) {
                    holders.put(l.taskId(), l.nodeId());
                }
            }
            return topic -> {
                String task = StoredTopics.taskOf(topic);
                if (task == null) {
                    return Rendezvous.owner(topic, nodes);
                }
                String holder = holders.get(task);
                return holder != null ? holder : Rendezvous.owner(task, nodes);
            };
        });
    }
}
