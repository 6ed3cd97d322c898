package kapacitor.runtime.edge;

import kapacitor.model.Tags;

/** What flows on an edge between two operators of a task. */
public sealed interface Message permits PointMessage, BatchMessage, AggregatedBatch, BarrierMessage,
    DeleteGroupMessage {
    /** The group the message belongs to (Kapacitor's models.GroupID; "" is the nil group). */
    String groupId();

    /** Group-by dimensions in force for the message. */
    Dimensions dims();

    /** The measurement name. */
    String name();

    /** The group's tags: the dimension tags only. */
    Tags groupTags();

    /** Epoch nanoseconds: the point's time, the batch's time or the barrier's time. */
    long time();

    /** True for points and batches, false for the control messages (barrier, delete group). */
    default boolean isData() {
        return this instanceof PointMessage || this instanceof BatchMessage || this instanceof AggregatedBatch;
    }
}
