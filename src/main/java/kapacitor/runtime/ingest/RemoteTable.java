package kapacitor.runtime.ingest;

import kapacitor.model.DbRp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which other cluster nodes want points of which (database, retention policy), and of which measurements: the
 * union of the subscriptions of the tasks each node owns. Immutable, swapped whole like {@link RoutingTable}.
 */
public final class RemoteTable {
    public static final RemoteTable EMPTY = new RemoteTable(Map.of());

    /** One remote task's subscription: the node that runs it, its dbrps, its measurements (null = all). */
    public record Subscription(String nodeId, String address, Collection<DbRp> dbrps, Set<String> measurements) {
    }

    /** Where to send points of one dbrp: a node's ingest address and the measurements its tasks read (null = all). */
    record Target(String nodeId, String address, Set<String> measurements) {
        boolean wantsAll() {
            return measurements == null;
        }
    }

    private static final Target[] NONE = new Target[0];

    private final Map<DbRp, Target[]> byDbRp;

    private RemoteTable(Map<DbRp, Target[]> byDbRp) {
        this.byDbRp = byDbRp;
    }

    public static RemoteTable of(Collection<Subscription> subscriptions) {
        // dbrp -> node -> measurements (null once any task of that node wants every measurement)
        Map<DbRp, Map<String, Set<String>>> wanted = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (Subscription s : subscriptions) {
            addresses.put(s.nodeId(), s.address());
            for (DbRp dbrp : s.dbrps()) {
                Map<String, Set<String>> nodes = wanted.computeIfAbsent(dbrp, k -> new LinkedHashMap<>());
                boolean known = nodes.containsKey(s.nodeId());
                Set<String> current = nodes.get(s.nodeId());
                if (s.measurements() == null || (known && current == null)) {
                    nodes.put(s.nodeId(), null);
                } else {
                    Set<String> merged = current == null ? new HashSet<>() : current;
                    merged.addAll(s.measurements());
                    nodes.put(s.nodeId(), merged);
                }
            }
        }
        Map<DbRp, Target[]> frozen = new HashMap<>();
        wanted.forEach((dbrp, nodes) -> {
            List<Target> targets = new ArrayList<>();
            nodes.forEach((node, ms) -> targets.add(new Target(node, addresses.get(node),
                ms == null ? null : Set.copyOf(ms))));
            frozen.put(dbrp, targets.toArray(NONE));
        });
        return new RemoteTable(frozen);
    }

    Target[] targets(String db, String rp) {
        Target[] t = byDbRp.get(new DbRp(db, rp));
        return t == null ? NONE : t;
    }

    public boolean isEmpty() {
        return byDbRp.isEmpty();
    }

    /** The nodes that receive points of this dbrp (for tests and the cluster API). */
    public Set<String> nodesFor(String db, String rp) {
        Set<String> out = new HashSet<>();
        for (Target t : targets(db, rp)) {
            out.add(t.nodeId());
        }
        return out;
    }
}
