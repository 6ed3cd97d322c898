package kapacitor.runtime.edge;

import kapacitor.model.Tags;

/**
 * Kapacitor's delete-group message: every node drops the state it keeps for the group and passes the message on. It
 * has no name and no time (time is 0).
 */
public record DeleteGroupMessage(String groupId, Tags groupTags, Dimensions dims) implements Message {

    public static DeleteGroupMessage of(Message group) {
        return new DeleteGroupMessage(group.groupId(), group.groupTags(), group.dims());
    }

    @Override
    public String name() {
        return "";
    }

    @Override
    public long time() {
        return 0;
    }
}
