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
    private final GroupMap<S> groups = new GroupMap<>();

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
