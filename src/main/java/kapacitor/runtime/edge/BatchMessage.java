package kapacitor.runtime.edge;

import kapacitor.model.Point;
import kapacitor.model.Tags;

import java.util.List;

/**
 * A whole batch of one group (Kapacitor's buffered batch): name, group tags, dimensions, time (the window's upper
 * bound or the batch's max time) and its points. The points' own name, db and rp are not meaningful.
 */
public record BatchMessage(String name, Tags groupTags, Dimensions dims, String groupId, long time,
                           List<Point> points) implements Message {

    public BatchMessage {
        points = List.copyOf(points);
    }

    public static BatchMessage of(String name, Tags groupTags, Dimensions dims, long time, List<Point> points) {
        return new BatchMessage(name, groupTags, dims, dims.groupId(name, groupTags), time, points);
    }

    public BatchMessage withPoints(List<Point> newPoints) {
        return new BatchMessage(name, groupTags, dims, groupId, time, newPoints);
    }

    public BatchMessage withTime(long newTime) {
        return new BatchMessage(name, groupTags, dims, groupId, newTime, points);
    }
}
