package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Kapacitor's InfluxQL node: aggregates and selectors reduce each batch (or, on a stream, each run of points with the
 * same time) to points; transformations (difference, cumulativeSum, movingAverage, elapsed) map point by point.
 */
public final class InfluxQLOperator extends GroupedOperator<InfluxQLOperator.Group> {
    private final String method;
    private final String field;
    private final String as;
    private final List<Object> args;
    private final boolean providesBatch;
    private final boolean transformation;
    private final boolean pointTimes;
    private final boolean simpleSelector;

    public InfluxQLOperator(String method, String field, String as, List<Object> args, boolean usePointTimes,
                            boolean providesBatch) {
        this.method = method;
        this.field = field;
        this.as = as;
        this.args = args;
        this.providesBatch = providesBatch;
        this.transformation = Reducers.isTransformation(method);
        this.pointTimes = usePointTimes || transformation;
        this.simpleSelector = Reducers.isSimpleSelector(method);
    }

    static final class Group {
        String name;
        Tags groupTags;
        Message first;
        long time;
        Reducer reducer;
        int batchSize;
        boolean started;
    }

    @Override
    protected Group newGroup(Message first) {
        Group g = new Group();
        g.name = first.name();
        g.groupTags = first.groupTags();
        g.first = first;
        g.time = first.time();
        return g;
    }

    @Override
    protected void onPoint(Group g, PointMessage p, Output out) {
        if (transformation) {
            if (g.reducer == null && !realize(g, p.point(), out)) {
                return;
            }
            if (aggregate(g, p.point(), out)) {
                emitPoint(g, out);
            }
            return;
        }
        if (g.started && p.time() == g.time) {
            aggregateRealizing(g, p.point(), out);
            return;
        }
        if (g.reducer != null) {
            emit(g, out);
        }
        g.started = true;
        g.name = p.name();
        g.time = p.time();
        g.reducer = null;
        aggregateRealizing(g, p.point(), out);
    }

    @Override
    protected void onBatch(Group g, BatchMessage b, Output out) {
        g.name = b.name();
        g.groupTags = b.groupTags();
        g.time = b.time();
        g.reducer = null;
        g.batchSize = 0;
        if (transformation) {
            List<Point> points = new ArrayList<>();
            for (Point bp : b.points()) {
                if (g.reducer == null && !realize(g, bp, out)) {
                    continue;
                }
                if (!aggregate(g, bp, out)) {
                    continue;
                }
                List<ReducedPoint> r = g.reducer.emit();
                if (r.size() == 1) {
                    ReducedPoint rp = r.get(0);
                    points.add(new Point(b.name(), "", "", b.groupTags(), single(rp.value()), time(g, rp)));
                }
            }
            out.emit(b.withPoints(points));
            return;
        }
        for (Point bp : b.points()) {
            if (g.reducer == null && !realize(g, bp, out)) {
                continue;
            }
            aggregate(g, bp, out);
            g.batchSize++;
        }
        if (g.batchSize == 0 && !Reducers.isEmptyOk(method)) {
            return;
        }
        if (g.reducer == null) {
            Supplier<Reducer> s = create(FieldKind.FLOAT, out);
            if (s == null) {
                return;
            }
            g.reducer = s.get();
        }
        emit(g, out);
    }

    private void emit(Group g, Output out) {
        if (providesBatch) {
            emitBatch(g, out);
        } else {
            emitPoint(g, out);
        }
    }

    private void aggregateRealizing(Group g, Point p, Output out) {
        if (g.reducer == null && !realize(g, p, out)) {
            return;
        }
        aggregate(g, p, out);
    }

    private boolean realize(Group g, Point p, Output out) {
        Object v = p.fields().get(field);
        if (v == null) {
            out.error("failed to realize reduce context from fields: field \"" + field + "\" missing from point");
            return false;
        }
        Supplier<Reducer> s = create(FieldKind.of(v), out);
        if (s == null) {
            return false;
        }
        g.reducer = s.get();
        return true;
    }

    private Supplier<Reducer> create(FieldKind kind, Output out) {
        if (!Reducers.kinds(method).contains(kind)) {
            out.error("invalid influxql func " + method + " with field " + field + ": cannot apply " + method
                + " to " + kind.goName() + " field");
            return null;
        }
        return Reducers.create(method, kind, args);
    }

    private boolean aggregate(Group g, Point p, Output out) {
        int i = p.fields().indexOf(field);
        if (i < 0) {
            out.error("failed to aggregate point: field " + field + " missing from point cannot aggregate");
            return false;
        }
        g.reducer.addField(i, p);
        return true;
    }

    private long time(Group g, ReducedPoint rp) {
        if (pointTimes && rp.time() != ReducedPoint.ZERO_TIME) {
            return rp.time();
        }
        return g.time;
    }

    private Fields single(Object value) {
        return Fields.of(Map.of(as, value));
    }

    private void emitPoint(Group g, Output out) {
        List<ReducedPoint> r = g.reducer.emit();
        if (r.size() != 1) {
            return;
        }
        ReducedPoint rp = r.get(0);
        Tags tags;
        Fields fields;
        if (simpleSelector) {
            tags = rp.selected().tags();
            fields = rp.selected().fields();
            if (!as.equals(field)) {
                TreeMap<String, Object> m = fields.toMap();
                m.put(as, m.remove(field));
                fields = Fields.of(m);
            }
        } else {
            tags = g.groupTags;
            fields = single(rp.value());
        }
        Point p = new Point(g.name, "", "", tags, fields, time(g, rp));
        out.emit(PointMessage.of(p, g.first.dims()));
    }

    private void emitBatch(Group g, Output out) {
        List<ReducedPoint> r = g.reducer.emit();
        List<Point> points = new ArrayList<>(r.size());
        long max = g.time;
        for (ReducedPoint rp : r) {
            long t = time(g, rp);
            Tags tags = g.groupTags;
            if (rp.selected() != null && !rp.selected().tags().isEmpty()) {
                TreeMap<String, String> merged = g.groupTags.toMap();
                merged.putAll(rp.selected().tags().toMap());
                tags = Tags.of(merged);
            }
            points.add(new Point(g.name, "", "", tags, single(rp.value()), t));
            max = Math.max(max, t);
        }
        out.emit(BatchMessage.of(g.name, g.groupTags, g.first.dims(), max, points));
    }
}
