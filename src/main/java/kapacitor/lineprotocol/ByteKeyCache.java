package kapacitor.lineprotocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A bounded map from byte ranges to values, so that repeated measurement names, tag sets and keys cost a hash and a
 * compare instead of new objects. Open addressing over a short probe window; when the window is full an entry is
 * overwritten, so memory stays bounded whatever the input. Not thread-safe: each parser owns its caches.
 */
final class ByteKeyCache<V> {
    private static final int PROBES = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[][] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;
    private final int maxKeyLength;
    private int victim;

    ByteKeyCache(int capacity, int maxKeyLength) {
        int cap = Integer.highestOneBit(Math.max(PROBES, capacity - 1) << 1);
        this.keys = new byte[cap][];
        this.hashes = new int[cap];
        this.values = new Object[cap];
        this.mask = cap - 1;
        this.maxKeyLength = maxKeyLength;
    }

    /** The usual 31-based hash of {@code buf[from, to)}, for callers that did not compute it while scanning. */
    static int hash(byte[] buf, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(byte[] buf, int from, int to, int hash) {
        int slot = spread(hash) & mask;
        for (int p = 0; p < PROBES; p++) {
            int s = (slot + p) & mask;
            byte[] k = keys[s];
            if (k == null) {
                return null;
            }
            if (hashes[s] == hash && sameBytes(k, buf, from, to)) {
                return (V) values[s];
            }
        }
        return null;
    }

    /** Keys are tens of bytes: comparing eight at a time inline beats the call into a vectorized compare. */
    static boolean sameBytes(byte[] key, byte[] buf, int from, int to) {
        int n = key.length;
        if (to - from != n) {
            return false;
        }
        int k = 0;
        for (; k <= n - 8; k += 8) {
            if ((long) LONGS.get(key, k) != (long) LONGS.get(buf, from + k)) {
                return false;
            }
        }
        for (; k < n; k++) {
            if (key[k] != buf[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether keys of {@code length} bytes are kept; longer ones are never stored. */
    boolean keeps(int length) {
        return length <= maxKeyLength;
    }

    /** Stores {@code value} under {@code buf[from, to)}; returns the value it overwrote to make room, or null. */
    @SuppressWarnings("unchecked")
    V put(byte[] buf, int from, int to, int hash, V value) {
        if (!keeps(to - from)) {
            return null;
        }
        int slot = spread(hash) & mask;
        int target = -1;
        for (int p = 0; p < PROBES; p++) {
            int s = (slot + p) & mask;
            if (keys[s] == null) {
                target = s;
                break;
            }
        }
        if (target < 0) {
            target = (slot + (victim++ & (PROBES - 1))) & mask;
        }
        V evicted = (V) values[target];
        keys[target] = Arrays.copyOfRange(buf, from, to);
        hashes[target] = hash;
        values[target] = value;
        return evicted;
    }
}
