package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Kapacitor's derivative node: the rate of change of a field between consecutive points of a group, per unit. */
public final class DerivativeOperator extends GroupedOperator<Point[]> {
    private final String field;
    private final String as;
    private final long unit;
    private final boolean nonNegative;

    public DerivativeOperator(String field, String as, long unit, boolean nonNegative) {
        this.field = field;
        this.as = as;
        this.unit = unit;
        this.nonNegative = nonNegative;
    }

    @Override
    protected Point[] newGroup(Message first) {
        return new Point[1];
    }

    @Override
    protected void onPoint(Point[] previous, PointMessage p, Output out) {
        Point np = derive(previous, p.point(), out);
        if (np != null) {
            out.emit(p.withPoint(np));
        }
    }

    @Override
    protected void onBatch(Point[] previous, BatchMessage b, Output out) {
        previous[0] = null;
        List<Point> points = new ArrayList<>();
        for (Point bp : b.points()) {
            Point np = derive(previous, bp, out);
            if (np != null) {
                points.add(np);
            }
        }
        out.emit(b.withPoints(points));
    }

    /** The point with the derivative set, or null; updates the stored previous point as Kapacitor does. */
    private Point derive(Point[] previous, Point p, Output out) {
        Object cur = p.fields().get(field);
        if (!(cur instanceof Double) && !(cur instanceof Long)) {
            out.error("cannot perform derivative: field is the wrong type");
            return null;
        }
        Point prev = previous[0];
        Object before = prev == null ? null : prev.fields().get(field);
        previous[0] = p;
        if (!(before instanceof Double) && !(before instanceof Long)) {
            return null;
        }
        double elapsed = (double) (p.time() - prev.time());
        if (elapsed == 0) {
            out.error("cannot perform derivative: elaspsed time was 0");
            return null;
        }
        double diff = ((Number) cur).doubleValue() - ((Number) before).doubleValue();
        if (nonNegative && diff < 0) {
            return null;
        }
        double value = diff / (elapsed / unit);
        TreeMap<String, Object> f = p.fields().toMap();
        f.put(as, value);
        return p.withFields(Fields.of(f));
    }
}
