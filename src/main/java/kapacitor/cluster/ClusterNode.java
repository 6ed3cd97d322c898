package kapacitor.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.service.task.ScriptCompiler;
import kapacitor.store.LeaseRecord;
import kapacitor.store.Store;
import kapacitor.store.TaskRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This server's part in a cluster, for the root verticle: the runner the task manager uses, the placement verticle
 * and the document {@code GET /kapacitor/v1/cluster} shows. Built only on a clustered Vert.x (Hazelcast).
 */
public final class ClusterNode {
    private final Vertx vertx;
    private final IngestRouter router;
    private final String httpAddress;
    private final Membership membership;
    private final ClusterState state;
    private final LocalTaskRunner local;
    private final ClusterTaskRunner runner;

    public ClusterNode(Vertx vertx, IngestRouter router, String httpAddress, LocalTaskRunner local) {
        if (!(((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hz)) {
            throw new IllegalStateException("clustering needs a Vert.x clustered with Hazelcast");
        }
        this.vertx = vertx;
        this.router = router;
        this.httpAddress = httpAddress;
        this.membership = Membership.hazelcast(hz.getNodeId(), hz.getHazelcastInstance());
        this.state = new ClusterState(membership.self());
        this.local = local;
        this.runner = new ClusterTaskRunner(vertx, state, membership);
    }

    /** The runner of the tasks placed on this node. */
    public LocalTaskRunner local() {
        return local;
    }

    public String nodeId() {
        return membership.self();
    }

    public TaskRunner runner() {
        return runner;
    }

    public ClusterState state() {
        return state;
    }

    /** Deploys the placement verticle; deploy it before the task manager so this node answers start requests. */
    public Future<String> deploy(Store store, ScriptCompiler compiler) {
        PlacementVerticle placement = new PlacementVerticle(state, membership, store, compiler, local, router,
            httpAddress);
        runner.refreshLocalWith(placement::reconcileNow);
        return vertx.deployVerticle(placement);
    }

    /** A job one live node of the cluster does at a time, by rendezvous on {@code key}. */
    public ClusterRole role(String key) {
        return new ClusterRole(membership, key);
    }

    /** The cluster document as this node sees it. */
    public Future<Map<String, Object>> describe() {
        ClusterView v = state.view();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (LeaseRecord l : v.leases()) {
            tasks.add(task(l.taskId(), l.nodeId(), l.epoch(), v.members().contains(l.nodeId())));
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (String m : v.members()) {
            members.add(member(m, v.httpAddresses().getOrDefault(m, ""), m.equals(v.self())));
        }
        return Future.succeededFuture(document(v.self(), members, tasks, state.localTasks()));
    }

    /** The same document for a standalone server: itself, and its executing tasks without leases (epoch 0). */
    public static Future<Map<String, Object>> describeStandalone(String self, String httpAddress, Store store,
                                                                 TaskRunner runner) {
        return store.tasks().listAll().map(records -> {
            List<Map<String, Object>> tasks = new ArrayList<>();
            List<String> local = new ArrayList<>();
            for (TaskRecord r : records) {
                if (runner.isExecuting(r.id())) {
                    tasks.add(task(r.id(), self, 0, true));
                    local.add(r.id());
                }
            }
            return document(self, List.of(member(self, httpAddress, true)), tasks, local);
        });
    }

    private static Map<String, Object> document(String self, List<Map<String, Object>> members,
                                                List<Map<String, Object>> tasks, List<String> local) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("self", self);
        doc.put("members", members);
        doc.put("tasks", tasks);
        doc.put("local-tasks", local);
        return doc;
    }

    private static Map<String, Object> member(String id, String httpAddress, boolean self) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("http-address", httpAddress);
        m.put("self", self);
        return m;
    }

    private static Map<String, Object> task(String id, String owner, long epoch, boolean ownerAlive) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("owner", owner);
        t.put("epoch", epoch);
        t.put("owner-alive", ownerAlive);
        return t;
    }
}
