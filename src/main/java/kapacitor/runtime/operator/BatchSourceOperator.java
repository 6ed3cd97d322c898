package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

/**
 * The source of a batch task: its query() children produce the data on their own schedule, so whatever the task's
 * inbox delivers (stream writes) is not for this task and is dropped, as a Kapacitor batch task never sees writes.
 */
public final class BatchSourceOperator implements Operator {
    @Override
    public void process(Message m, Output out) {
        // Nothing flows from the batch node to its queries.
    }
}
