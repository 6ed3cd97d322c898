package kapacitor.runtime.ingest;

import kapacitor.model.DbRp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of which task inboxes want points of which (database, retention policy) and, optionally,
 * which measurements. Rebuilt whole and swapped atomically when tasks change, so the point path reads it without
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
            Target t = new Target(r.inbox(), r.measurements() == null ? null : Set.copyOf(r.measurements()));
            for (DbRp dbrp : r.dbrps()) {
                m.computeIfAbsent(dbrp, k -> new ArrayList<>()).add(t);
            }
        }
        Map<DbRp, Target[]> frozen = new HashMap<>();
        m.forEach((k, v) -> frozen.put(k, v.toArray(NONE)));
        return new RoutingTable(frozen);
    }

    Target[] targets(String db, String rp) {
        Target[] t = byDbRp.get(new DbRp(db, rp));
        return t == null ? NONE : t;
    }

    public boolean isEmpty() {
        return byDbRp.isEmpty();
    }
}
