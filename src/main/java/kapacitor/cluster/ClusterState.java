package kapacitor.cluster;

import kapacitor.store.LeaseRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's shared picture of the cluster, written by the {@link PlacementVerticle} and read from any thread: the
 * last {@link ClusterView}, where each task executes (from the leases, corrected at once by control replies) and
 * the counters published in /debug/vars.
 */
public final class ClusterState {
    /** Where a task executes (node null: stopped), and when this was learned (epoch millis). */
    private record Placed(String node, long at) {
    }

    private final String self;
    private volatile ClusterView view;
    private final Map<String, Placed> executing = new ConcurrentHashMap<>();
    /** Tasks running on this node; written only by the placement verticle. */
    final Set<String> local = ConcurrentHashMap.newKeySet();
    final LongAdder taskMoves = new LongAdder();
    final LongAdder leasesTaken = new LongAdder();
    final LongAdder reconciles = new LongAdder();
    final LongAdder remoteBatchesReceived = new LongAdder();

    public ClusterState(String self) {
        this.self = self;
        this.view = new ClusterView(self, List.of(self), Map.of(), List.of());
    }

    public String self() {
        return self;
    }

    public ClusterView view() {
        return view;
    }

    /** The tasks running on this node now, sorted. */
    public List<String> localTasks() {
        return local.stream().sorted().toList();
    }

    /** The node a task executes on, or null. */
    public String executingOn(String taskId) {
        Placed p = executing.get(taskId);
        return p == null ? null : p.node();
    }

    void noteStarted(String taskId, String node) {
        executing.put(taskId, new Placed(node, System.currentTimeMillis()));
    }

    void noteStopped(String taskId) {
        executing.put(taskId, new Placed(null, System.currentTimeMillis()));
    }

    /**
     * Installs a reconcile's result; notes made after {@code readAt} (the time its leases were read) are newer than
     * the leases and stay.
     */
    void install(ClusterView next, long readAt) {
        view = next;
        Set<String> live = Set.copyOf(next.members());
        Map<String, Placed> fromLeases = new LinkedHashMap<>();
        for (LeaseRecord l : next.leases()) {
            if (live.contains(l.nodeId())) {
                fromLeases.put(l.taskId(), new Placed(l.nodeId(), readAt));
            }
        }
        executing.entrySet().removeIf(e -> e.getValue().at() <= readAt && !fromLeases.containsKey(e.getKey()));
        fromLeases.forEach((id, p) -> executing.merge(id, p, (old, lease) -> old.at() > readAt ? old : lease));
    }

    /** The "cluster" statistic. */
    public Map<String, Object> stats() {
        ClusterView v = view;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("members", (long) v.members().size());
        m.put("local_tasks", (long) local.size());
        m.put("task_moves", taskMoves.sum());
        m.put("leases_taken", leasesTaken.sum());
        m.put("reconciles", reconciles.sum());
        m.put("remote_batches_received", remoteBatchesReceived.sum());
        return m;
    }
}
