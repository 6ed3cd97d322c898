package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

/** The runtime form of one pipeline node; called on the task's thread only, so it keeps plain mutable state. */
public interface Operator {
    void process(Message m, Output out);

    /**
     * Handles a message from the parent at index {@code parent} (the node's parents in pipeline order). Only nodes with
     * several parents (join, union) care which one sent it.
     */
    default void process(int parent, Message m, Output out) {
        process(m, out);
    }

    /**
     * Handles a frame's messages from parent {@code parent} in order; a runtime error of one message is reported
     * through {@code out} and the others still go.
     */
    default void processFrame(int parent, java.util.List<? extends Message> messages, Output out) {
        for (int i = 0; i < messages.size(); i++) {
            try {
                process(parent, messages.get(i), out);
            } catch (RuntimeException e) {
                out.error(String.valueOf(e.getMessage()));
            }
        }
    }

    /** An ungrouped point straight from the task's input; sources may take it without a message around it. */
    default void processPoint(kapacitor.model.Point p, Output out) {
        process(kapacitor.runtime.edge.PointMessage.ungrouped(p), out);
    }

    /** Statistics of the node beyond Kapacitor's common ones (e.g. points_written). */
    default java.util.Map<String, Long> stats() {
        return java.util.Map.of();
    }

    /** The number of groups the operator holds state for (Kapacitor's working_cardinality). */
    default long cardinality() {
        return 0;
    }

}
