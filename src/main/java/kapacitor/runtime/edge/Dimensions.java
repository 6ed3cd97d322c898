package kapacitor.runtime.edge;

import kapacitor.model.Tags;

import java.util.List;

/**
 * What a stream is grouped by (Kapacitor's models.Dimensions): sorted tag names and whether the measurement name is
 * part of the group.
 */
public record Dimensions(boolean byName, List<String> tagNames) {
    public static final Dimensions NONE = new Dimensions(false, List.of());

    private static final java.util.concurrent.ConcurrentHashMap<Dimensions, Dimensions> INTERNED =
        new java.util.concurrent.ConcurrentHashMap<>();

    public Dimensions {
        tagNames = List.copyOf(tagNames);
    }

    /**
     * The one shared instance equal to {@code d}, so group-id memos compare dimensions by identity. Only the fixed
     * dimensions of scripts are interned: a handful per server.
     */
    public static Dimensions intern(Dimensions d) {
        Dimensions prior = INTERNED.putIfAbsent(d, d);
        return prior == null ? d : prior;
    }

    /** Kapacitor's group id: {@code name\n} when grouped by name, then {@code k=v} pairs joined by commas. */
    public String groupId(String name, Tags tags) {
        if (tagNames.isEmpty()) {
            return byName ? name : "";
        }
        StringBuilder b = new StringBuilder();
        if (byName) {
            b.append(name).append('\n');
        }
        for (int i = 0; i < tagNames.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String k = tagNames.get(i);
            String v = tags.get(k);
            b.append(k).append('=').append(v == null ? "" : v);
        }
        return b.toString();
    }

    /** The group's tags: the dimension tags of {@code tags}, a missing one as the empty string (as Go's map read). */
    public Tags groupTags(Tags tags) {
        if (tagNames.isEmpty()) {
            return Tags.EMPTY;
        }
        String[] kv = new String[tagNames.size() * 2];
        for (int i = 0; i < tagNames.size(); i++) {
            String k = tagNames.get(i);
            String v = tags.get(k);
            kv[2 * i] = k;
            kv[2 * i + 1] = v == null ? "" : v;
        }
        return Tags.ofSortedUnsafe(kv);
    }
}
