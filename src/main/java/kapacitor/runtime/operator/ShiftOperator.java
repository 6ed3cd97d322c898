package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.PointMessage;

/** Kapacitor's shift node: moves point and batch times by a fixed duration. */
public final class ShiftOperator extends PointMapper {
    private final long shift;

    public ShiftOperator(long shift) {
        if (shift == 0) {
            throw new IllegalArgumentException("invalid shift value: must be non zero duration");
        }
        this.shift = shift;
    }

    @Override
    protected PointMessage mapPoint(PointMessage p) {
        return p.withPoint(map(p.point()));
    }

    @Override
    protected BatchMessage mapBatch(BatchMessage b) {
        return b.withTime(b.time() + shift);
    }

    @Override
    protected Point map(Point p) {
        return p.withTime(p.time() + shift);
    }
}
