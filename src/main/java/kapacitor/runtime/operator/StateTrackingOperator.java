package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprException;
import kapacitor.tick.expr.ExprState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's stateDuration and stateCount nodes: per group, adds a field with how long (in units) or how many
 * consecutive points the lambda has been true, -1 when it is false. A batch starts a new run.
 */
public final class StateTrackingOperator extends GroupedOperator<StateTrackingOperator.Tracker> {
    private final Expr expr;
    private final String as;
    /** The duration unit in nanoseconds, or 0 to count points. */
    private final long unit;

    private StateTrackingOperator(Expr expr, String as, long unit) {
        this.expr = expr;
        this.as = as;
        this.unit = unit;
    }

    public static StateTrackingOperator duration(Expr expr, String as, long unit) {
        if (unit <= 0) {
            throw new IllegalArgumentException("stateDuration unit must be positive");
        }
        return new StateTrackingOperator(expr, as, unit);
    }

    public static StateTrackingOperator count(Expr expr, String as) {
        return new StateTrackingOperator(expr, as, 0);
    }

    static final class Tracker {
        final ExprState state;
        boolean started;
        long start;
        long count;

        Tracker(ExprState state) {
            this.state = state;
        }

        void reset() {
            started = false;
            count = 0;
        }
    }

    @Override
    protected Tracker newGroup(Message first) {
        return new Tracker(expr.newState());
    }

    @Override
    protected void onPoint(Tracker t, PointMessage p, Output out) {
        Point np = track(t, p.point(), out);
        if (np != null) {
            out.emit(p.withPoint(np));
        }
    }

    @Override
    protected void onBatch(Tracker t, BatchMessage b, Output out) {
        t.reset();
        List<Point> points = new ArrayList<>(b.points().size());
        for (Point bp : b.points()) {
            Point np = track(t, bp, out);
            if (np != null) {
                points.add(np);
            }
        }
        out.emit(b.withPoints(points));
    }

    private Point track(Tracker t, Point p, Output out) {
        boolean in;
        try {
            in = expr.evalBool(p, t.state);
        } catch (ExprException e) {
            out.error("error while evaluating expression: " + e.getMessage());
            return null;
        }
        Object value;
        if (unit > 0) {
            if (!in) {
                t.started = false;
                value = -1.0;
            } else {
                if (!t.started) {
                    t.started = true;
                    t.start = p.time();
                }
                value = (double) (p.time() - t.start) / unit;
            }
        } else if (!in) {
            t.count = 0;
            value = -1L;
        } else {
            value = ++t.count;
        }
        Map<String, Object> fields = new TreeMap<>(p.fields().toMap());
        fields.put(as, value);
        return p.withFields(Fields.of(fields));
    }
}
