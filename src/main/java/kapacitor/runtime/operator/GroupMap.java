package kapacitor.runtime.operator;

/**
 * Group id to per-group state, open addressing with linear probing over one array of key/value pairs. A task holds
 * one entry per group in every grouped node, so at a million groups a {@link java.util.HashMap}'s node object per
 * entry (32 bytes plus its table slot) is most of a node's footprint; here an entry is two adjacent array slots
 * (about 16 bytes at the usual load), and a lookup reads the key and its value from one cache line. Group ids are
 * Strings with a cached hash and are usually the same instance on every message of a group, so probing compares by
 * identity first. Task thread only; no iteration order is promised.
 */
final class GroupMap<V> {
    private static final int MIN_CAPACITY = 16;

    /** {@code [k0, v0, k1, v1, ...]}; a null key is an empty slot. */
    private Object[] table = new Object[2 * MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(String key) {
        Object[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            Object k = t[2 * i];
            if (k == null) {
                return null;
            }
            if (k == key || k.equals(key)) {
                return (V) t[2 * i + 1];
            }
        }
    }

    /** Adds or replaces the state of {@code key}. */
    void put(String key, V value) {
        Object[] t = table;
        int capacity = t.length >> 1;
        int mask = capacity - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            Object k = t[2 * i];
            if (k == null) {
                t[2 * i] = key;
                t[2 * i + 1] = value;
                // Kept at most half full so that misses stay short.
                if (++size * 2 > capacity) {
                    resize(capacity * 2);
                }
                return;
            }
            if (k == key || k.equals(key)) {
                t[2 * i + 1] = value;
                return;
            }
        }
    }

    /** Removes {@code key}'s state and returns it (null when absent); shrinks back when mostly empty. */
    @SuppressWarnings("unchecked")
    V remove(String key) {
        Object[] t = table;
        int capacity = t.length >> 1;
        int mask = capacity - 1;
        int i = spread(key.hashCode()) & mask;
        while (true) {
            Object k = t[2 * i];
            if (k == null) {
                return null;
            }
            if (k == key || k.equals(key)) {
                break;
            }
            i = (i + 1) & mask;
        }
        V old = (V) t[2 * i + 1];
        // Backward-shift deletion: later entries of the probe run move up so no tombstones are needed.
        int gap = i;
        for (int j = (gap + 1) & mask; t[2 * j] != null; j = (j + 1) & mask) {
            int home = spread(t[2 * j].hashCode()) & mask;
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                t[2 * gap] = t[2 * j];
                t[2 * gap + 1] = t[2 * j + 1];
                gap = j;
            }
        }
        t[2 * gap] = null;
        t[2 * gap + 1] = null;
        size--;
        if (capacity > MIN_CAPACITY && size * 8 < capacity) {
            resize(capacity / 2);
        }
        return old;
    }

    /** Calls {@code action} for every entry; the map must not change meanwhile. */
    @SuppressWarnings("unchecked")
    void forEach(java.util.function.BiConsumer<String, V> action) {
        Object[] t = table;
        for (int i = 0; i < t.length; i += 2) {
            if (t[i] != null) {
                action.accept((String) t[i], (V) t[i + 1]);
            }
        }
    }

    private void resize(int capacity) {
        Object[] old = table;
        Object[] t = new Object[2 * capacity];
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j += 2) {
            Object k = old[j];
            if (k != null) {
                int i = spread(k.hashCode()) & mask;
                while (t[2 * i] != null) {
                    i = (i + 1) & mask;
                }
                t[2 * i] = k;
                t[2 * i + 1] = old[j + 1];
            }
        }
        table = t;
    }

    /** Group ids share long prefixes ("cpu=cpu0,host=..."), so mix the hash before masking. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
