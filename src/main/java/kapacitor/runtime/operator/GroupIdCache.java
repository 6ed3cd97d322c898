package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.Dimensions;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the group id of each series seen. Parsers hand out one {@link Tags} instance per series, so lookups are
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
        this.dims = dims;
    }

    String groupId(Point p) {
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
