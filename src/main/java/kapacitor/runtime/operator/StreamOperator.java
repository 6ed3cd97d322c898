package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

/** The task's stream source: passes every point it receives to its from() children. */
public final class StreamOperator implements Operator {
    @Override
    public void process(Message m, Output out) {
        out.emit(m);
    }
}
