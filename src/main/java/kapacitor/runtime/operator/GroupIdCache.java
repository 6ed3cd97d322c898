package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.Dimensions;

import java.util.HashMap;
import java.util.Map;

/**
 * The group id of a point's series: first from the memo on the series' tag set (shared by all tasks), else from this
 * task's cache of the series seen. Parsers hand out one {@link Tags} instance per series, so lookups are
 * mostly identity hits on a cached hash; reusing one id String per group also keeps later group-map lookups cheap
 * (cached hash, identity equals). Bounded: cleared when it holds {@link #MAX} series. Task thread only.
 */
final class GroupIdCache {
    static final int MAX = 200_000;

    private final Dimensions dims;
    // Keyed by tags alone unless the measurement is part of the group.
    private final Map<String, Map<Tags, String>> byName = new HashMap<>();
    private final Map<Tags, String> ids = new HashMap<>();
    private int size;

    GroupIdCache(Dimensions dims) {
        this.dims = Dimensions.intern(dims);
    }

    String groupId(Point p) {
        Tags tags = p.tags();
        Object memo = tags.memo();
        Memo head = memo instanceof Memo m ? m : null;
        for (Memo m = head; m != null; m = m.next) {
            if (m.dims == dims && (!dims.byName() || m.name.equals(p.name()))) {
                return m.id;
            }
        }
        String id = cached(p);
        // Two dimension sets per series at most: tasks grouping one series in many ways just recompute.
        tags.memo(new Memo(dims, p.name(), id, head == null ? null : new Memo(head.dims, head.name, head.id, null)));
        return id;
    }

    /**
     * A group id remembered on the series' tag set, shared by every task grouping by the same (interned)
     * dimensions: one lookup per point for all of them, and one id String per group for all of them.
     */
    private static final class Memo {
        final Dimensions dims;
        final String name;
        final String id;
        final Memo next;

        Memo(Dimensions dims, String name, String id, Memo next) {
            this.dims = dims;
            this.name = name;
            this.id = id;
            this.next = next;
        }
    }

    private String cached(Point p) {
        Map<Tags, String> map = dims.byName() ? byName.computeIfAbsent(p.name(), n -> new HashMap<>()) : ids;
        String id = map.get(p.tags());
        if (id == null) {
            if (++size > MAX) {
                byName.clear();
                ids.clear();
                size = 1;
                map = dims.byName() ? byName.computeIfAbsent(p.name(), n -> new HashMap<>()) : ids;
            }
            id = dims.groupId(p.name(), p.tags());
            map.put(p.tags(), id);
        }
        return id;
    }
}
