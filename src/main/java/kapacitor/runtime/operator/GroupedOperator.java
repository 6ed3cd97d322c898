package kapacitor.runtime.operator;

import kapacitor.runtime.edge.AggregatedBatch;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

/**
 * An operator keeping one state object per group (Kapacitor's edge.GroupedConsumer): the state is created from the
 * group's first message, a barrier included. A delete-group message drops the group's state and is passed on only
 * when the group existed, as Kapacitor does.
 *
 * @param <S> the per-group state
 */
public abstract class GroupedOperator<S> implements Operator {
    /** How many messages of a frame have their group state looked up ahead of handling them. */
    private static final int LOOKAHEAD = 8;

    private final GroupMap<S> groups = new GroupMap<>();
    private final Object[] ahead = new Object[LOOKAHEAD];

    @Override
    public final void process(Message m, Output out) {
        if (m instanceof DeleteGroupMessage d) {
            S state = groups.remove(d.groupId());
            if (state != null) {
                onDelete(state, d, out);
            }
            return;
        }
        S state = groups.get(m.groupId());
        if (state == null) {
            state = newGroup(m);
            groups.put(m.groupId(), state);
        }
        dispatch(state, m, out);
    }

    /**
     * A frame's messages, in order, as {@link #process} would handle them one by one. With many groups (or many
     * tasks) the group lookup and the state are cache misses; looking up the states of a few messages first lets
     * the processor wait for those misses together instead of one after another. A delete in the run turns the
     * run back to one-by-one handling, since it may drop a state looked up ahead.
     */
    @Override
    @SuppressWarnings("unchecked")
    public final void processFrame(int parent, java.util.List<? extends Message> messages, Output out) {
        int n = messages.size();
        for (int base = 0; base < n; base += LOOKAHEAD) {
            int end = Math.min(n, base + LOOKAHEAD);
            boolean lookedUp = true;
            for (int i = base; i < end; i++) {
                Message m = messages.get(i);
                if (m instanceof DeleteGroupMessage) {
                    lookedUp = false;
                    break;
                }
                ahead[i - base] = groups.get(m.groupId());
            }
            if (lookedUp) {
                for (int i = base; i < end; i++) {
                    Object s = ahead[i - base];
                    if (s != null) {
                        touch((S) s);
                    }
                }
            }
            for (int i = base; i < end; i++) {
                Message m = messages.get(i);
                S s = lookedUp ? (S) ahead[i - base] : null;
                try {
                    if (s != null) {
                        dispatch(s, m, out);
                    } else {
                        process(parent, m, out);
                    }
                } catch (RuntimeException e) {
                    out.error(String.valueOf(e.getMessage()));
                }
            }
            java.util.Arrays.fill(ahead, null);
        }
    }

    /**
     * Reads the state so that its memory is on its way while other lookups go on; states that are worth it read a
     * field here. The state must not change.
     */
    protected void touch(S state) {
    }

    private void dispatch(S state, Message m, Output out) {
        if (m instanceof PointMessage p) {
            onPoint(state, p, out);
        } else if (m instanceof BatchMessage b) {
            onBatch(state, b, out);
        } else if (m instanceof AggregatedBatch a) {
            onAggregate(state, a, out);
        } else {
            onBarrier(state, (BarrierMessage) m, out);
        }
    }

    /** A barrier of the group; passed on unless the node has something to flush first. */
    protected void onBarrier(S state, BarrierMessage b, Output out) {
        out.emit(b);
    }

    /** The group was deleted and its state dropped; passed on. */
    protected void onDelete(S state, DeleteGroupMessage d, Output out) {
        out.emit(d);
    }

    /** Only an InfluxQL aggregate fed by a fused window receives these (the planner guarantees it). */
    protected void onAggregate(S state, AggregatedBatch a, Output out) {
        out.error(getClass().getSimpleName() + " cannot take a pre-aggregated window");
    }

    protected abstract S newGroup(Message first);

    protected abstract void onPoint(S state, PointMessage p, Output out);

    protected abstract void onBatch(S state, BatchMessage b, Output out);

    @Override
    public long cardinality() {
        return groups.size();
    }
}
