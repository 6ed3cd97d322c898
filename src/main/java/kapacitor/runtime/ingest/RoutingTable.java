package kapacitor.runtime.ingest;

import kapacitor.model.DbRp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of which task inboxes want points of which (database, retention policy) and, optionally,
 * which measurements. A changed copy is swapped in atomically when tasks change, so the point path reads it without
 * locks.
 */
public final class RoutingTable {
    public static final RoutingTable EMPTY = new RoutingTable(Map.of());

    /** A task's subscription: its inbox, the dbrps it may read, and the measurements it reads (null = all). */
    public record Route(TaskInbox inbox, Collection<DbRp> dbrps, Set<String> measurements) {
    }

    record Target(TaskInbox inbox, Set<String> measurements) {
        boolean wantsAll() {
            return measurements == null;
        }
    }

    private static final Target[] NONE = new Target[0];

    private final Map<DbRp, Target[]> byDbRp;

    private RoutingTable(Map<DbRp, Target[]> byDbRp) {
        this.byDbRp = byDbRp;
    }

    public static RoutingTable of(Collection<Route> routes) {
        Map<DbRp, List<Target>> m = new HashMap<>();
        for (Route r : routes) {
            Target t = target(r);
            for (DbRp dbrp : r.dbrps()) {
                m.computeIfAbsent(dbrp, k -> new ArrayList<>()).add(t);
            }
        }
        Map<DbRp, Target[]> frozen = new HashMap<>();
        m.forEach((k, v) -> frozen.put(k, v.toArray(NONE)));
        return new RoutingTable(frozen);
    }

    private static Target target(Route r) {
        return new Target(r.inbox(), r.measurements() == null ? null : Set.copyOf(r.measurements()));
    }

    /**
     * This table and one more route. Only the target arrays of the route's dbrps are copied, so starting n tasks
     * costs array copies, not n rebuilds of every route.
     */
    public RoutingTable with(Route route) {
        Target t = target(route);
        Map<DbRp, Target[]> m = new HashMap<>(byDbRp);
        for (DbRp dbrp : route.dbrps()) {
            Target[] old = m.getOrDefault(dbrp, NONE);
            Target[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = t;
            m.put(dbrp, grown);
        }
        return new RoutingTable(m);
    }

    /** This table without the routes to {@code inbox}. */
    public RoutingTable without(TaskInbox inbox) {
        Map<DbRp, Target[]> m = new HashMap<>();
        byDbRp.forEach((dbrp, targets) -> {
            Target[] kept = Arrays.stream(targets).filter(t -> t.inbox() != inbox).toArray(Target[]::new);
            if (kept.length > 0) {
                m.put(dbrp, kept.length == targets.length ? targets : kept);
            }
        });
        return new RoutingTable(m);
    }

    Target[] targets(String db, String rp) {
        Target[] t = byDbRp.get(new DbRp(db, rp));
        return t == null ? NONE : t;
    }

    public boolean isEmpty() {
        return byDbRp.isEmpty();
    }
}
