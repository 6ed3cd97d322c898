package kapacitor.model;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable tag set, sorted by key (InfluxDB's canonical order), stored as one flat
 * {@code [k0, v0, k1, v1, ...]} array so a point's tags cost one allocation.
 */
public final class Tags {
    public static final Tags EMPTY = new Tags(new String[0]);

    private final String[] kv;
    private int hash;
    /**
     * The runtime's per-series memo (group ids by dimensions): parsers hand out one Tags per series, so every task
     * grouping the series asks once per point at most. Written without locks by any task thread: it only ever
     * holds immutable objects with final fields, so a reader sees a complete old or new memo.
     */
    private Object memo;

    private Tags(String[] kv) {
        this.kv = kv;
    }

    /** The runtime's memo for this tag set, or null. */
    public Object memo() {
        return memo;
    }

    public void memo(Object m) {
        memo = m;
    }

    /** Wraps an array already sorted by key with no duplicate keys; the caller hands over ownership. */
    public static Tags ofSortedUnsafe(String[] kv) {
        return kv.length == 0 ? EMPTY : new Tags(kv);
    }

    /** Builds from alternating key/value strings in any order; a later duplicate key wins. */
    public static Tags of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags need key/value pairs");
        }
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return of(m);
    }

    public static Tags of(Map<String, String> map) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, String> sorted = map instanceof TreeMap<String, String> t && t.comparator() == null
            ? t : new TreeMap<>(map);
        String[] kv = new String[sorted.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return new Tags(kv);
    }

    public int size() {
        return kv.length / 2;
    }

    public boolean isEmpty() {
        return kv.length == 0;
    }

    public String key(int i) {
        return kv[2 * i];
    }

    public String value(int i) {
        return kv[2 * i + 1];
    }

    /** The value of {@code key}, or null; binary search over the sorted keys. */
    public String get(String key) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = kv[2 * mid].compareTo(key);
            if (c == 0) {
                return kv[2 * mid + 1];
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    public boolean containsKey(String key) {
        return get(key) != null;
    }

    public TreeMap<String, String> toMap() {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tags t && Arrays.equals(kv, t.kv);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // Not Arrays.hashCode: with its factor 31, series such as cpu=cpu1,host=host0007 and cpu=cpu0,
            // host=host0038 collide (4,000 canonical series give 1,300 hashes); a large odd factor and a final
            // mix keep group maps and caches spread.
            for (String s : kv) {
                h = (h + s.hashCode()) * 0x9E3779B1;
            }
            h ^= h >>> 16;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
