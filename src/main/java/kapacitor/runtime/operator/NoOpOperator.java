package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

/** Kapacitor's noop node (added under a leaf watched by stats()): forwards everything. */
public final class NoOpOperator implements Operator {
    @Override
    public void process(Message m, Output out) {
        out.emit(m);
    }
}
