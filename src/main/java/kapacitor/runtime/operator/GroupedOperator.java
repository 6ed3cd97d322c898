package kapacitor.runtime.operator;

import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.HashMap;
import java.util.Map;

/**
 * An operator keeping one state object per group (Kapacitor's edge.GroupedConsumer): the state is created from the
 * group's first message.
 *
 * @param <S> the per-group state
 */
public abstract class GroupedOperator<S> implements Operator {
    private final Map<String, S> groups = new HashMap<>();

    @Override
    public final void process(Message m, Output out) {
        S state = groups.get(m.groupId());
        if (state == null) {
            state = newGroup(m);
            groups.put(m.groupId(), state);
        }
        if (m instanceof PointMessage p) {
            onPoint(state, p, out);
        } else {
            onBatch(state, (BatchMessage) m, out);
        }
    }

    protected abstract S newGroup(Message first);

    protected abstract void onPoint(S state, PointMessage p, Output out);

    protected abstract void onBatch(S state, BatchMessage b, Output out);

    @Override
    public long cardinality() {
        return groups.size();
    }
}
