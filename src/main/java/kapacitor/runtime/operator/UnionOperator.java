package kapacitor.runtime.operator;

import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayDeque;

/**
 * Kapacitor's union node: merges its parents' messages in time order. Each parent's messages wait in a queue until
 * every parent has sent something; then everything at or before the lowest parent time (a parent's last seen time
 * when its queue is empty) goes out, parent by parent. Renames points and batches when {@code rename} is set.
 */
public final class UnionOperator implements Operator {
    private static final long NONE = Long.MIN_VALUE;

    private final String rename;
    private final ArrayDeque<Message>[] queues;
    private final long[] lowMarks;

    @SuppressWarnings("unchecked")
    public UnionOperator(String rename, int parents) {
        this.rename = rename;
        this.queues = new ArrayDeque[parents];
        for (int i = 0; i < parents; i++) {
            queues[i] = new ArrayDeque<>();
        }
        this.lowMarks = new long[parents];
        java.util.Arrays.fill(lowMarks, NONE);
    }

    @Override
    public void process(Message m, Output out) {
        process(0, m, out);
    }

    @Override
    public void process(int parent, Message m, Output out) {
        if (m instanceof DeleteGroupMessage) {
            out.emit(m);
            return;
        }
        queues[parent].addLast(renamed(m));
        emitReady(out);
    }

    private Message renamed(Message m) {
        if (rename.isEmpty()) {
            return m;
        }
        if (m instanceof PointMessage p) {
            return new PointMessage(p.point().withName(rename), p.dims(), p.groupId());
        }
        if (m instanceof BatchMessage b) {
            return new BatchMessage(rename, b.groupTags(), b.dims(), b.groupId(), b.time(), b.points());
        }
        return m;
    }

    private void emitReady(Output out) {
        boolean emitted = true;
        while (emitted) {
            emitted = false;
            long mark = NONE;
            int valid = 0;
            for (int i = 0; i < queues.length; i++) {
                if (!queues[i].isEmpty()) {
                    lowMarks[i] = queues[i].peekFirst().time();
                }
                if (lowMarks[i] != NONE) {
                    valid++;
                    if (mark == NONE || lowMarks[i] < mark) {
                        mark = lowMarks[i];
                    }
                }
            }
            if (valid != queues.length) {
                return;
            }
            for (ArrayDeque<Message> q : queues) {
                while (!q.isEmpty() && q.peekFirst().time() <= mark) {
                    out.emit(q.pollFirst());
                    emitted = true;
                }
            }
        }
    }
}
