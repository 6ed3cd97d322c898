package kapacitor.runtime.edge;

import kapacitor.model.Point;
import kapacitor.model.Tags;

/** One point on a stream edge with its grouping; the group id is computed once, when the dimensions change. */
public record PointMessage(Point point, Dimensions dims, String groupId) implements Message {

    public static PointMessage of(Point p, Dimensions dims) {
        return new PointMessage(p, dims, dims.groupId(p.name(), p.tags()));
    }

    /** An ungrouped point, as the stream source emits it. */
    public static PointMessage ungrouped(Point p) {
        return new PointMessage(p, Dimensions.NONE, "");
    }

    /** The same message with another point whose name and dimension tags are unchanged. */
    public PointMessage withPoint(Point p) {
        return new PointMessage(p, dims, groupId);
    }

    /** Re-groups; the group id is recomputed only when the dimensions differ. */
    public PointMessage withDims(Dimensions newDims) {
        return newDims.equals(dims) ? this : of(point, newDims);
    }

    /** The same message with changed tags: the group id is recomputed since a dimension tag may have changed. */
    public PointMessage withTags(Tags tags) {
        return of(point.withTags(tags), dims);
    }

    @Override
    public String name() {
        return point.name();
    }

    @Override
    public Tags groupTags() {
        return dims.groupTags(point.tags());
    }

    @Override
    public long time() {
        return point.time();
    }
}
