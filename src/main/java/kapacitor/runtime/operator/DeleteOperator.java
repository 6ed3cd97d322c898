package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.PointMessage;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Kapacitor's delete node: removes fields and tags; a deleted tag also leaves the group-by dimensions of points. */
public final class DeleteOperator extends PointMapper {
    private final Set<String> fields;
    private final Set<String> tags;

    public DeleteOperator(Set<String> fields, Set<String> tags) {
        this.fields = Set.copyOf(fields);
        this.tags = Set.copyOf(tags);
    }

    @Override
    protected PointMessage mapPoint(PointMessage p) {
        Point np = map(p.point());
        Dimensions dims = p.dims();
        if (dims.tagNames().stream().anyMatch(tags::contains)) {
            List<String> kept = dims.tagNames().stream().filter(t -> !tags.contains(t)).toList();
            dims = new Dimensions(dims.byName(), kept);
        }
        return PointMessage.of(np, dims);
    }

    @Override
    protected BatchMessage mapBatch(BatchMessage b) {
        Tags t = deleteTags(b.groupTags());
        return t == b.groupTags() ? b
            : new BatchMessage(b.name(), t, b.dims(), b.groupId(), b.time(), b.points());
    }

    @Override
    protected Point map(Point p) {
        Point out = p;
        TreeMap<String, Object> f = null;
        for (String k : fields) {
            if (p.fields().containsKey(k)) {
                if (f == null) {
                    f = p.fields().toMap();
                }
                f.remove(k);
            }
        }
        if (f != null) {
            out = out.withFields(Fields.of(f));
        }
        Tags t = deleteTags(p.tags());
        return t == p.tags() ? out : out.withTags(t);
    }

    private Tags deleteTags(Tags current) {
        TreeMap<String, String> t = null;
        for (String k : tags) {
            if (current.containsKey(k)) {
                if (t == null) {
                    t = current.toMap();
                }
                t.remove(k);
            }
        }
        return t == null ? current : Tags.of(t);
    }
}
