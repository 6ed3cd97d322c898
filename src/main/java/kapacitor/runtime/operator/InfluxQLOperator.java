package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.AggregatedBatch;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
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
    private final boolean inlineMean;
    private final String[] asKey;
    private static final byte[] FLOAT_TYPE = {Fields.FLOAT};

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
        this.inlineMean = "mean".equals(method);
        this.asKey = new String[] {as};
    }

    /** Stream-mode state of a group: the run of points with one time being reduced. */
    static final class Group {
        String name;
        Tags groupTags;
        Dimensions dims;
        String groupId;
        long time;
        Reducer reducer;
        boolean started;
    }

    /** Batches carry everything; a group seen only in batches needs no state beyond being counted. */
    private static final Group BATCH_GROUP = new Group();

    /** True when the node reduces whole batches to their result, so a window may feed it point by point. */
    public boolean reducesBatches() {
        return !transformation;
    }

    @Override
    protected Group newGroup(Message first) {
        if (first instanceof BatchMessage || first instanceof AggregatedBatch) {
            return BATCH_GROUP;
        }
        Group g = new Group();
        g.name = first.name();
        g.groupTags = first.groupTags();
        g.dims = first.dims();
        g.groupId = first.groupId();
        g.time = first.time();
        return g;
    }

    @Override
    protected void onPoint(Group g, PointMessage p, Output out) {
        if (g == BATCH_GROUP) {
            out.error("influxql node received a point on a batch edge");
            return;
        }
        if (transformation) {
            if (g.reducer == null) {
                g.reducer = realize(p.point(), out::error);
                if (g.reducer == null) {
                    return;
                }
            }
            if (aggregate(g.reducer, p.point(), out::error)) {
                emitPoint(g.name, g.groupTags, g.dims, g.groupId, g.time, g.reducer, out);
            }
            return;
        }
        if (g.started && p.time() == g.time) {
            aggregateRealizing(g, p.point(), out);
            return;
        }
        if (g.reducer != null) {
            emit(g.name, g.groupTags, g.dims, g.groupId, g.time, g.reducer, out);
        }
        g.started = true;
        g.name = p.name();
        g.time = p.time();
        g.reducer = null;
        aggregateRealizing(g, p.point(), out);
    }

    @Override
    protected void onBatch(Group g, BatchMessage b, Output out) {
        if (transformation) {
            Reducer reducer = null;
            List<Point> points = new ArrayList<>();
            for (Point bp : b.points()) {
                if (reducer == null) {
                    reducer = realize(bp, out::error);
                    if (reducer == null) {
                        continue;
                    }
                }
                if (!aggregate(reducer, bp, out::error)) {
                    continue;
                }
                List<ReducedPoint> r = reducer.emit();
                if (r.size() == 1) {
                    ReducedPoint rp = r.get(0);
                    points.add(new Point(b.name(), "", "", b.groupTags(), single(rp.value()),
                        time(b.time(), rp)));
                }
            }
            out.emit(b.withPoints(points));
            return;
        }
        Reduction r = new Reduction();
        for (Point bp : b.points()) {
            add(r, bp);
        }
        finish(r, b.name(), b.groupTags(), b.dims(), b.groupId(), b.time(), out);
    }

    @Override
    protected void onAggregate(Group g, AggregatedBatch a, Output out) {
        finish((Reduction) a.reduction(), a.name(), a.groupTags(), a.dims(), a.groupId(), a.time(), out);
    }

    /**
     * Adds a point to a batch's reduction, exactly as reducing the whole batch would: the reducer is realized from
     * the first point carrying the field; errors are kept in order and reported by this node when the batch is
     * finished (a window feeding it must not count them as its own).
     */
    public void add(Reduction r, Point p) {
        r.points++;
        if (r.failed) {
            return;
        }
        if (inlineMean && r.reducer == null) {
            if (r.addMean(p.fields(), field)) {
                return;
            }
            // Anything but the steady case goes on as a reducer object holding the sum so far.
            r.materialize();
        }
        if (r.reducer == null) {
            r.reducer = realize(p, r::error);
            if (r.reducer == null) {
                return;
            }
        }
        int i = p.fields().indexOf(field);
        if (i < 0) {
            r.error("failed to aggregate point: field " + field + " missing from point cannot aggregate");
        } else {
            try {
                r.reducer.addField(i, p);
            } catch (RuntimeException e) {
                // As when the whole batch is reduced: the batch fails and nothing is emitted for it.
                r.error(String.valueOf(e.getMessage()));
                r.failed = true;
                return;
            }
        }
        r.size++;
    }

    /**
     * One batch's running reduction. Kept per group by a window that feeds this node, so it is small: no reference
     * to the node, errors only when there are some.
     */
    public static class Reduction implements AggregatedBatch.Reduction {
        private static final byte NO_MEAN = 0;
        private static final byte FLOAT_MEAN = 1;
        private static final byte INTEGER_MEAN = 2;

        private Reducer reducer;
        private int size;
        private int points;
        private boolean failed;
        private List<String> errors;
        /**
         * mean() kept inline while every point carries the field with the first point's type: the sum (a double's
         * bits or an int64) and count a MeanReducer would hold, without the object (one less per group and per
         * point a window reduces).
         */
        private byte meanKind;
        private long meanSum;
        private int meanCount;

        /** Adds {@code field} of a point to the inline mean; false when the point is not the steady case. */
        private boolean addMean(Fields f, String field) {
            int i = f.indexOf(field);
            if (i < 0) {
                return false;
            }
            byte t = f.type(i);
            if (meanKind == NO_MEAN) {
                if (t == Fields.FLOAT) {
                    meanKind = FLOAT_MEAN;
                } else if (t == Fields.INTEGER) {
                    meanKind = INTEGER_MEAN;
                } else {
                    return false;
                }
            }
            if (meanKind == FLOAT_MEAN && t == Fields.FLOAT) {
                meanSum = Double.doubleToRawLongBits(Double.longBitsToDouble(meanSum) + f.doubleAt(i));
            } else if (meanKind == INTEGER_MEAN && t == Fields.INTEGER) {
                meanSum += f.longAt(i);
            } else {
                return false;
            }
            meanCount++;
            size++;
            return true;
        }

        /** The inline mean as the MeanReducer it stands for (realized from the same first point). */
        private void materialize() {
            if (meanKind != NO_MEAN) {
                reducer = new MeanReducer(meanKind == INTEGER_MEAN, meanSum, meanCount);
                meanKind = NO_MEAN;
                meanSum = 0;
                meanCount = 0;
            }
        }

        @Override
        public int points() {
            return points;
        }

        /**
         * Moves what was reduced so far into a new Reduction (sent on with the closed window) and starts empty, so a
         * window can be its own running reduction: one object per group instead of two.
         */
        Reduction handOff() {
            Reduction r = new Reduction();
            r.reducer = reducer;
            r.size = size;
            r.points = points;
            r.failed = failed;
            r.errors = errors;
            r.meanKind = meanKind;
            r.meanSum = meanSum;
            r.meanCount = meanCount;
            reducer = null;
            size = 0;
            points = 0;
            failed = false;
            errors = null;
            meanKind = NO_MEAN;
            meanSum = 0;
            meanCount = 0;
            return r;
        }

        private void error(String message) {
            if (errors == null) {
                errors = new ArrayList<>(2);
            }
            errors.add(message);
        }
    }

    private void finish(Reduction red, String name, Tags groupTags, Dimensions dims, String groupId, long time,
                        Output out) {
        red.materialize();
        if (red.errors != null) {
            red.errors.forEach(out::error);
        }
        if (red.failed) {
            return;
        }
        if (red.size == 0 && !Reducers.isEmptyOk(method)) {
            return;
        }
        Reducer r = red.reducer;
        if (r == null) {
            Supplier<Reducer> s = create(FieldKind.FLOAT, out::error);
            if (s == null) {
                return;
            }
            r = s.get();
        }
        emit(name, groupTags, dims, groupId, time, r, out);
    }

    private void emit(String name, Tags groupTags, Dimensions dims, String groupId, long time, Reducer reducer,
                      Output out) {
        if (providesBatch) {
            emitBatch(name, groupTags, dims, groupId, time, reducer, out);
        } else {
            emitPoint(name, groupTags, dims, groupId, time, reducer, out);
        }
    }

    private void aggregateRealizing(Group g, Point p, Output out) {
        if (g.reducer == null) {
            g.reducer = realize(p, out::error);
            if (g.reducer == null) {
                return;
            }
        }
        aggregate(g.reducer, p, out::error);
    }

    private Reducer realize(Point p, Consumer<String> errors) {
        Object v = p.fields().get(field);
        if (v == null) {
            errors.accept("failed to realize reduce context from fields: field \"" + field
                + "\" missing from point");
            return null;
        }
        Supplier<Reducer> s = create(FieldKind.of(v), errors);
        return s == null ? null : s.get();
    }

    private Supplier<Reducer> create(FieldKind kind, Consumer<String> errors) {
        if (!Reducers.kinds(method).contains(kind)) {
            errors.accept("invalid influxql func " + method + " with field " + field + ": cannot apply " + method
                + " to " + kind.goName() + " field");
            return null;
        }
        return Reducers.create(method, kind, args);
    }

    private boolean aggregate(Reducer reducer, Point p, Consumer<String> errors) {
        int i = p.fields().indexOf(field);
        if (i < 0) {
            errors.accept("failed to aggregate point: field " + field + " missing from point cannot aggregate");
            return false;
        }
        reducer.addField(i, p);
        return true;
    }

    private long time(long groupTime, ReducedPoint rp) {
        if (pointTimes && rp.time() != ReducedPoint.ZERO_TIME) {
            return rp.time();
        }
        return groupTime;
    }

    private Fields single(Object value) {
        if (value instanceof Double d) {
            return Fields.ofSortedUnsafe(asKey, FLOAT_TYPE, new long[] {Double.doubleToRawLongBits(d)}, null);
        }
        return Fields.of(Map.of(as, value));
    }

    /**
     * The group id is the group's: the output keeps the group's name and dimension tags, so it is reused rather than
     * built again for every result.
     */
    private void emitPoint(String name, Tags groupTags, Dimensions dims, String groupId, long groupTime,
                           Reducer reducer, Output out) {
        List<ReducedPoint> r = reducer.emit();
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
            tags = groupTags;
            fields = single(rp.value());
        }
        Point p = new Point(name, "", "", tags, fields, time(groupTime, rp));
        out.emit(new PointMessage(p, dims, groupId));
    }

    private void emitBatch(String name, Tags groupTags, Dimensions dims, String groupId, long groupTime,
                           Reducer reducer, Output out) {
        List<ReducedPoint> r = reducer.emit();
        List<Point> points = new ArrayList<>(r.size());
        long max = groupTime;
        for (ReducedPoint rp : r) {
            long t = time(groupTime, rp);
            Tags tags = groupTags;
            if (rp.selected() != null && !rp.selected().tags().isEmpty()) {
                TreeMap<String, String> merged = groupTags.toMap();
                merged.putAll(rp.selected().tags().toMap());
                tags = Tags.of(merged);
            }
            points.add(new Point(name, "", "", tags, single(rp.value()), t));
            max = Math.max(max, t);
        }
        out.emit(new BatchMessage(name, groupTags, dims, groupId, max, points));
    }
}
