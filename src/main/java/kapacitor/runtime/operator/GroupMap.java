package kapacitor.runtime.operator;

import java.util.Arrays;

/**
 * Group id to per-group state, open addressing with linear probing. A task holds one entry per group in every
 * grouped node, so at a million groups a {@link java.util.HashMap}'s node object per entry (32 bytes plus its
 * table slot) is most of a node's footprint; two parallel arrays cost about 16 bytes per entry here. Group ids are
 * Strings with a cached hash and are usually the same instance on every message of a group, so probing compares
 * by identity first. Task thread only; no iteration order is promised.
 */
final class GroupMap<V> {
    private static final int MIN_CAPACITY = 16;

    private String[] keys = new String[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(String key) {
        String[] ks = keys;
        int mask = ks.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            String k = ks[i];
            if (k == null) {
                return null;
            }
            if (k == key || k.equals(key)) {
                return (V) values[i];
            }
        }
    }

    /** Adds or replaces the state of {@code key}. */
    void put(String key, V value) {
        int mask = keys.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = key;
                values[i] = value;
                // Kept at most half full so that misses stay short.
                if (++size * 2 > keys.length) {
                    resize(keys.length * 2);
                }
                return;
            }
            if (k == key || k.equals(key)) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes {@code key}'s state and returns it (null when absent); shrinks back when mostly empty. */
    @SuppressWarnings("unchecked")
    V remove(String key) {
        int mask = keys.length - 1;
        int i = spread(key.hashCode()) & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return null;
            }
            if (k == key || k.equals(key)) {
                break;
            }
            i = (i + 1) & mask;
        }
        V old = (V) values[i];
        // Backward-shift deletion: later entries of the probe run move up so no tombstones are needed.
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = spread(keys[j].hashCode()) & mask;
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = null;
        values[gap] = null;
        size--;
        if (keys.length > MIN_CAPACITY && size * 8 < keys.length) {
            resize(keys.length / 2);
        }
        return old;
    }

    /** Calls {@code action} for every entry; the map must not change meanwhile. */
    @SuppressWarnings("unchecked")
    void forEach(java.util.function.BiConsumer<String, V> action) {
        String[] ks = keys;
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] != null) {
                action.accept(ks[i], (V) values[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }

    private void resize(int capacity) {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String k = oldKeys[j];
            if (k != null) {
                int i = spread(k.hashCode()) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    /** Group ids share long prefixes ("cpu=cpu0,host=..."), so mix the hash before masking. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
