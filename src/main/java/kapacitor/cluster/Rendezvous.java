package kapacitor.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Rendezvous (highest random weight) hashing: a task belongs to the live node with the largest
 * {@code hash(taskId, nodeId)}. Every node computes the same owner from the same membership; when a node leaves only
 * its tasks move, when one joins about 1/N of the tasks move to it.
 */
public final class Rendezvous {
    private Rendezvous() {
    }

    /** The owner among {@code nodes}; null when there is none. Ties (never seen in practice) go to the smaller id. */
    public static String owner(String taskId, Collection<String> nodes) {
        String best = null;
        long bestWeight = 0;
        for (String node : nodes) {
            long w = weight(taskId, node);
            if (best == null || Long.compareUnsigned(w, bestWeight) > 0
                || (w == bestWeight && node.compareTo(best) < 0)) {
                best = node;
                bestWeight = w;
            }
        }
        return best;
    }

    /** FNV-1a over "task \0 node", finished with a 64-bit mixer so similar ids spread well; stable across JVMs. */
    static long weight(String taskId, String nodeId) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, taskId.getBytes(StandardCharsets.UTF_8));
        h = (h ^ 0) * 0x100000001b3L;
        h = fnv(h, nodeId.getBytes(StandardCharsets.UTF_8));
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
