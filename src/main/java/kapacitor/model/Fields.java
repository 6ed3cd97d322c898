package kapacitor.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable field set sorted by key. Numbers and booleans are kept unboxed in a {@code long[]}
 * (doubles as raw bits) with a type byte each, so parsing a line allocates no object per numeric field.
 */
public final class Fields {
    public static final byte FLOAT = 0;
    public static final byte INTEGER = 1;
    public static final byte UNSIGNED = 2;
    public static final byte STRING = 3;
    public static final byte BOOLEAN = 4;
    /** A field present without a value (Go's nil): only join's fill('null') makes one. Line protocol skips it. */
    public static final byte NULL = 5;

    public static final Fields EMPTY = new Fields(new String[0], new byte[0], new long[0], null);

    private final String[] keys;
    private final byte[] types;
    private final long[] bits;
    private final String[] strings; // null when no field is a string

    private Fields(String[] keys, byte[] types, long[] bits, String[] strings) {
        this.keys = keys;
        this.types = types;
        this.bits = bits;
        this.strings = strings;
    }

    /**
     * Wraps arrays already sorted by key without duplicates; ownership passes to the new object.
     * {@code strings} may be null when no field has type STRING.
     */
    public static Fields ofSortedUnsafe(String[] keys, byte[] types, long[] bits, String[] strings) {
        return keys.length == 0 ? EMPTY : new Fields(keys, types, bits, strings);
    }

    /** Builds from Java values: Double/Float, Long/Integer/Short/Byte, String, Boolean; null makes a NULL field. */
    public static Fields of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, Object> sorted = new TreeMap<>(values);
        int n = sorted.size();
        String[] keys = new String[n];
        byte[] types = new byte[n];
        long[] bits = new long[n];
        String[] strings = null;
        int i = 0;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            keys[i] = e.getKey();
            Object v = e.getValue();
            if (v instanceof Double || v instanceof Float) {
                types[i] = FLOAT;
                bits[i] = Double.doubleToRawLongBits(((Number) v).doubleValue());
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                types[i] = INTEGER;
                bits[i] = ((Number) v).longValue();
            } else if (v instanceof Boolean b) {
                types[i] = BOOLEAN;
                bits[i] = b ? 1 : 0;
            } else if (v instanceof String s) {
                types[i] = STRING;
                if (strings == null) {
                    strings = new String[n];
                }
                strings[i] = s;
            } else if (v == null) {
                types[i] = NULL;
            } else {
                throw new IllegalArgumentException("unsupported field type for " + e.getKey() + ": "
                    + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            i++;
        }
        return new Fields(keys, types, bits, strings);
    }

    public static Fields of(Object... keyValues) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return of(m);
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    public String key(int i) {
        return keys[i];
    }

    public byte type(int i) {
        return types[i];
    }

    /** Index of {@code key}, or -1. */
    public int indexOf(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? i : -1;
    }

    public double doubleAt(int i) {
        return Double.longBitsToDouble(bits[i]);
    }

    public long longAt(int i) {
        return bits[i];
    }

    public boolean booleanAt(int i) {
        return bits[i] != 0;
    }

    public String stringAt(int i) {
        return strings == null ? null : strings[i];
    }

    /** The boxed value at {@code i}: Double, Long (integer and unsigned), String or Boolean. */
    public Object valueAt(int i) {
        switch (types[i]) {
            case FLOAT:
                return doubleAt(i);
            case INTEGER:
            case UNSIGNED:
                return bits[i];
            case BOOLEAN:
                return bits[i] != 0;
            case NULL:
                return null;
            default:
                return strings[i];
        }
    }

    public Object get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
    }

    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** The fields as a sorted map of boxed values (for JSON rendering and tests, not the point path). */
    public TreeMap<String, Object> toMap() {
        TreeMap<String, Object> m = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], valueAt(i));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fields f)) {
            return false;
        }
        if (!Arrays.equals(keys, f.keys) || !Arrays.equals(types, f.types)) {
            return false;
        }
        // Compare by type: a string slot's bits and a number slot's string carry nothing.
        for (int i = 0; i < keys.length; i++) {
            if (types[i] == STRING ? !stringAt(i).equals(f.stringAt(i)) : bits[i] != f.bits[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(keys);
        for (int i = 0; i < keys.length; i++) {
            h = h * 31 + (types[i] == STRING ? stringAt(i).hashCode() : Long.hashCode(bits[i]));
        }
        return h;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
