package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;

import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's default node: sets missing fields, and missing or empty tags, to configured values. */
public final class DefaultOperator extends PointMapper {
    private final Map<String, Object> fields;
    private final Map<String, String> tags;

    public DefaultOperator(Map<String, Object> fields, Map<String, String> tags) {
        this.fields = Map.copyOf(fields);
        this.tags = Map.copyOf(tags);
    }

    @Override
    protected BatchMessage mapBatch(BatchMessage b) {
        Tags t = defaultTags(b.groupTags());
        return t == b.groupTags() ? b
            : new BatchMessage(b.name(), t, b.dims(), b.groupId(), b.time(), b.points());
    }

    @Override
    protected Point map(Point p) {
        Point out = p;
        TreeMap<String, Object> f = null;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            // A NULL field (join's fill('null')) counts as missing, as Go's nil map value does.
            if (p.fields().get(e.getKey()) == null) {
                if (f == null) {
                    f = p.fields().toMap();
                }
                f.put(e.getKey(), e.getValue());
            }
        }
        if (f != null) {
            out = out.withFields(Fields.of(f));
        }
        Tags t = defaultTags(p.tags());
        return t == p.tags() ? out : out.withTags(t);
    }

    private Tags defaultTags(Tags current) {
        TreeMap<String, String> t = null;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String v = current.get(e.getKey());
            if (v == null || v.isEmpty()) {
                if (t == null) {
                    t = current.toMap();
                }
                t.put(e.getKey(), e.getValue());
            }
        }
        return t == null ? current : Tags.of(t);
    }
}
