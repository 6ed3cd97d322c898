package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Kapacitor's changeDetect node: per group, keeps a point only when one of the fields differs from the last kept
 * point (the first point always differs). A batch starts from nothing.
 */
public final class ChangeDetectOperator extends GroupedOperator<Fields[]> {
    private final List<String> fields;

    public ChangeDetectOperator(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    protected Fields[] newGroup(Message first) {
        return new Fields[1];
    }

    @Override
    protected void onPoint(Fields[] previous, PointMessage p, Output out) {
        if (changed(previous, p.point(), out)) {
            out.emit(p);
        }
    }

    @Override
    protected void onBatch(Fields[] previous, BatchMessage b, Output out) {
        previous[0] = null;
        List<Point> kept = new ArrayList<>();
        for (Point bp : b.points()) {
            if (changed(previous, bp, out)) {
                kept.add(bp);
            }
        }
        out.emit(b.withPoints(kept));
    }

    private boolean changed(Fields[] previous, Point p, Output out) {
        Fields cur = p.fields();
        boolean changed = false;
        for (String f : fields) {
            Object v = cur.get(f);
            if (v == null) {
                out.error("Invalid field in change detect: expected field " + f + " not found");
                continue;
            }
            if (previous[0] == null || !Objects.equals(previous[0].get(f), v)) {
                changed = true;
                break;
            }
        }
        if (changed) {
            previous[0] = cur;
        }
        return changed;
    }
}
