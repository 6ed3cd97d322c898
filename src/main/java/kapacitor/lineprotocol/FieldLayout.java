package kapacitor.lineprotocol;

import java.util.Arrays;

/**
 * The shape of a line's field section: raw keys and types in line order, and where each lands in the sorted,
 * de-duplicated Fields arrays. Lines of one series repeat their shape, so the sorted key and type arrays are built
 * once and shared by every Fields object of that shape (Fields never modifies them).
 */
final class FieldLayout {
    final byte[][] rawKeys;
    final byte[] lineTypes;
    final String[] sortedKeys;
    final byte[] sortedTypes;
    /** Index in the sorted arrays for each field of the line, or -1 for a key repeated later in the line. */
    final int[] target;
    final boolean hasStrings;

    FieldLayout(byte[][] rawKeys, byte[] lineTypes, String[] sortedKeys, byte[] sortedTypes, int[] target,
                boolean hasStrings) {
        this.rawKeys = rawKeys;
        this.lineTypes = lineTypes;
        this.sortedKeys = sortedKeys;
        this.sortedTypes = sortedTypes;
        this.target = target;
        this.hasStrings = hasStrings;
    }

    boolean matches(byte[] buf, int n, int[] keyStart, int[] keyEnd, byte[] types) {
        if (rawKeys.length != n) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (lineTypes[j] != types[j] || !sameBytes(rawKeys[j], buf, keyStart[j], keyEnd[j])) {
                return false;
            }
        }
        return true;
    }

    /** Field keys are short: a plain loop beats the setup of a vectorized compare. */
    private static boolean sameBytes(byte[] key, byte[] buf, int from, int to) {
        int n = key.length;
        if (to - from != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (key[k] != buf[from + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds the layout for keys already unescaped. Duplicate keys keep the last value, as InfluxDB 1.x does: its
     * parser does not reject them and {@code Point.Fields()} fills a map, so a later value overwrites an earlier one.
     */
    static FieldLayout build(byte[] buf, int n, int[] keyStart, int[] keyEnd, byte[] types, String[] keys) {
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        // Stable, so equal keys stay in line order and the last one wins below.
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        int[] target = new int[n];
        String[] sortedKeys = new String[n];
        byte[] sortedTypes = new byte[n];
        int size = 0;
        for (int r = 0; r < n; r++) {
            int j = order[r];
            if (r + 1 < n && keys[order[r + 1]].equals(keys[j])) {
                target[j] = -1;
                continue;
            }
            sortedKeys[size] = keys[j];
            sortedTypes[size] = types[j];
            target[j] = size++;
        }
        byte[][] raw = new byte[n][];
        boolean strings = false;
        for (int j = 0; j < n; j++) {
            raw[j] = Arrays.copyOfRange(buf, keyStart[j], keyEnd[j]);
            strings |= target[j] >= 0 && types[j] == kapacitor.model.Fields.STRING;
        }
        return new FieldLayout(raw, Arrays.copyOf(types, n), Arrays.copyOf(sortedKeys, size),
            Arrays.copyOf(sortedTypes, size), target, strings);
    }
}
