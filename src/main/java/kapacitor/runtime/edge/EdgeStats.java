package kapacitor.runtime.edge;

/**
 * Counts of one edge as Kapacitor keeps them: points on a stream edge, batches on a batch edge. Written on the task's
 * thread, read from anywhere (volatile, single writer).
 */
public final class EdgeStats {
    private volatile long collected;

    /** Counts a point or a batch; control messages are not counted, as in Kapacitor. */
    public void count(Message m) {
        if (m == null || m.isData()) {
            collected++;
        }
    }

    public long collected() {
        return collected;
    }
}
