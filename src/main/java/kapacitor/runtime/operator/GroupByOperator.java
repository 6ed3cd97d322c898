package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's groupBy node. Points are re-grouped one by one. Batch points are split into one batch per new group;
 * the new batches are held until a batch with another time arrives (Kapacitor's behaviour), then emitted in group-id
 * order (Kapacitor's order is a Go map's, so any fixed order is as good and this one is deterministic).
 */
public final class GroupByOperator implements Operator {
    private final TagNames tagNames;
    private final boolean byName;
    private final Map<String, Pending> pending = new TreeMap<>();
    private long lastTime = Long.MIN_VALUE;

    private static final class Pending {
        final String name;
        final kapacitor.model.Tags tags;
        final Dimensions dims;
        final long time;
        final List<Point> points = new ArrayList<>();

        Pending(String name, kapacitor.model.Tags tags, Dimensions dims, long time) {
            this.name = name;
            this.tags = tags;
            this.dims = dims;
            this.time = time;
        }
    }

    public GroupByOperator(List<Object> dimensions, List<Object> exclude, boolean byName) {
        this.tagNames = TagNames.of(dimensions, exclude);
        this.byName = byName;
    }

    @Override
    public void process(Message m, Output out) {
        if (m instanceof PointMessage p) {
            Dimensions dims = new Dimensions(p.dims().byName() || byName, tagNames.resolve(p.point().tags()));
            out.emit(p.withDims(dims));
            return;
        }
        if (m instanceof DeleteGroupMessage d) {
            pending.remove(d.groupId());
            out.emit(d);
            return;
        }
        if (m instanceof BarrierMessage barrier) {
            flush(barrier.time(), out);
            out.emit(barrier);
            return;
        }
        BatchMessage b = (BatchMessage) m;
        flush(b.time(), out);
        boolean name = b.dims().byName() || byName;
        for (Point bp : b.points()) {
            Dimensions dims = new Dimensions(name, tagNames.resolve(bp.tags()));
            String id = dims.groupId(b.name(), bp.tags());
            Pending g = pending.get(id);
            if (g == null) {
                g = new Pending(b.name(), dims.groupTags(bp.tags()), dims, b.time());
                pending.put(id, g);
            }
            g.points.add(bp);
        }
    }

    private void flush(long time, Output out) {
        if (time == lastTime) {
            return;
        }
        lastTime = time;
        for (Pending g : pending.values()) {
            g.points.sort(Comparator.comparingLong(Point::time));
            out.emit(BatchMessage.of(g.name, g.tags, g.dims, g.time, g.points));
        }
        pending.clear();
    }

    @Override
    public long cardinality() {
        return pending.size();
    }
}
