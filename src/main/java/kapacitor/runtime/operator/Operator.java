package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

/** The runtime form of one pipeline node; called on the task's thread only, so it keeps plain mutable state. */
public interface Operator {
    void process(Message m, Output out);

    /** The number of groups the operator holds state for (Kapacitor's working_cardinality). */
    default long cardinality() {
        return 0;
    }

    /** Node-specific counters shown beside the common ones (e.g. the alert node's alerts_triggered). */
    default java.util.Map<String, Long> extraStats() {
        return java.util.Map.of();
    }
}
