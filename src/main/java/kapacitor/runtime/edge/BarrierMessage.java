package kapacitor.runtime.edge;

import kapacitor.model.Tags;

/**
 * Kapacitor's barrier: no data of the group older than {@code time} will arrive any more. Its name is "barrier" as in
 * Kapacitor; it carries the group's tags and dimensions so a node seeing a group first through a barrier can key it.
 */
public record BarrierMessage(String groupId, Tags groupTags, Dimensions dims, long time) implements Message {

    public static BarrierMessage of(Message group, long time) {
        return new BarrierMessage(group.groupId(), group.groupTags(), group.dims(), time);
    }

    @Override
    public String name() {
        return "barrier";
    }
}
