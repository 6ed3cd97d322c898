package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.Dimensions;

/**
 * Remembers the group id of recent series. Each line-protocol parser (one per thread) hands out one {@link Tags}
 * instance per series, so a hit is usually an identity match and otherwise an equal tag set from another parser;
 * either way the id string is not rebuilt, and reusing one String instance keeps later group-map lookups cheap
 * (cached hash, identity equals). Direct-mapped on the tag set's cached hash; task thread only.
 */
final class GroupIdCache {
    private static final int SIZE = 8192;

    private final Dimensions dims;
    private final Tags[] tags = new Tags[SIZE];
    private final String[] names = new String[SIZE];
    private final String[] ids = new String[SIZE];

    GroupIdCache(Dimensions dims) {
        this.dims = dims;
    }

    String groupId(Point p) {
        Tags t = p.tags();
        String name = p.name();
        int i = (t.hashCode() * 31 + name.hashCode()) & (SIZE - 1);
        Tags cached = tags[i];
        if (cached != null && (cached == t || cached.equals(t)) && (names[i] == name || names[i].equals(name))) {
            return ids[i];
        }
        String id = dims.groupId(p.name(), t);
        tags[i] = t;
        names[i] = name;
        ids[i] = id;
        return id;
    }
}
