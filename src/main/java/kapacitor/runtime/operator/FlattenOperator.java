package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's flatten node: per group, the points of one time (rounded to the tolerance) become one point whose fields
 * are named by the values of the {@code on} tags, the delimiter and the original field name. A time's points go out
 * when a later time arrives, or a later barrier; a batch is flattened point time by point time into one batch.
 */
public final class FlattenOperator extends GroupedOperator<FlattenOperator.Buffer> {
    private final List<String> on;
    private final String delimiter;
    private final long tolerance;
    private final boolean dropOriginalFieldName;

    public FlattenOperator(List<String> on, String delimiter, long tolerance, boolean dropOriginalFieldName) {
        this.on = List.copyOf(on);
        this.delimiter = delimiter;
        this.tolerance = tolerance;
        this.dropOriginalFieldName = dropOriginalFieldName;
    }

    static final class Buffer {
        final Message group;
        long time = Long.MIN_VALUE;
        final List<Point> points = new ArrayList<>();

        Buffer(Message group) {
            this.group = group;
        }
    }

    @Override
    protected Buffer newGroup(Message first) {
        return new Buffer(first);
    }

    @Override
    protected void onPoint(Buffer b, PointMessage p, Output out) {
        long t = GoTime.round(p.time(), tolerance);
        if (t != b.time && !b.points.isEmpty()) {
            emitPoint(b, out);
        }
        b.time = t;
        b.points.add(p.point());
    }

    private void emitPoint(Buffer b, Output out) {
        Fields fields = flatten(b.points, out);
        b.points.clear();
        if (fields.isEmpty()) {
            return;
        }
        Message g = b.group;
        Point np = new Point(g.name(), "", "", g.groupTags(), fields, b.time);
        out.emit(new PointMessage(np, g.dims(), g.groupId()));
    }

    @Override
    protected void onBatch(Buffer b, BatchMessage batch, Output out) {
        List<Point> flat = new ArrayList<>();
        List<Point> sameTime = new ArrayList<>();
        long time = Long.MIN_VALUE;
        for (Point p : batch.points()) {
            long t = GoTime.round(p.time(), tolerance);
            if (t != time && !sameTime.isEmpty()) {
                addFlat(flat, sameTime, time, batch.groupTags(), out);
            }
            time = t;
            sameTime.add(p);
        }
        if (!sameTime.isEmpty()) {
            addFlat(flat, sameTime, time, batch.groupTags(), out);
        }
        out.emit(batch.withPoints(flat));
    }

    private void addFlat(List<Point> flat, List<Point> points, long time, Tags tags, Output out) {
        Fields fields = flatten(points, out);
        points.clear();
        if (!fields.isEmpty()) {
            flat.add(new Point("", "", "", tags, fields, time));
        }
    }

    @Override
    protected void onBarrier(Buffer b, BarrierMessage barrier, Output out) {
        if (barrier.time() > b.time && !b.points.isEmpty()) {
            emitPoint(b, out);
        }
        out.emit(barrier);
    }

    @Override
    protected void onDelete(Buffer b, DeleteGroupMessage d, Output out) {
        out.emit(d);
    }

    private Fields flatten(List<Point> points, Output out) {
        Map<String, Object> fields = new TreeMap<>();
        StringBuilder prefix = new StringBuilder();
        points:
        for (Point p : points) {
            prefix.setLength(0);
            for (int i = 0; i < on.size(); i++) {
                String v = p.tags().get(on.get(i));
                if (v == null) {
                    out.error("point missing tag for flatten operation: tag " + on.get(i) + " is missing from point");
                    continue points;
                }
                if (i > 0) {
                    prefix.append(delimiter);
                }
                prefix.append(v);
            }
            int l = prefix.length();
            Fields f = p.fields();
            for (int k = 0; k < f.size(); k++) {
                if (!dropOriginalFieldName) {
                    if (l > 0) {
                        prefix.append(delimiter);
                    }
                    prefix.append(f.key(k));
                }
                fields.put(prefix.toString(), f.valueAt(k));
                prefix.setLength(l);
            }
        }
        return Fields.of(fields);
    }
}
