package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.List;

/** Base of the stateless nodes that change each point (and, for batches, each batch point) the same way. */
abstract class PointMapper implements Operator {
    @Override
    public void process(Message m, Output out) {
        if (m instanceof PointMessage p) {
            out.emit(mapPoint(p));
            return;
        }
        if (!m.isData()) {
            out.emit(m);
            return;
        }
        BatchMessage b = mapBatch((BatchMessage) m);
        List<Point> points = new ArrayList<>(b.points().size());
        for (Point bp : b.points()) {
            points.add(map(bp));
        }
        out.emit(b.withPoints(points));
    }

    /** Changes a stream point; by default as a batch point, keeping the group. */
    protected PointMessage mapPoint(PointMessage p) {
        Point np = map(p.point());
        return np.tags() == p.point().tags() ? p.withPoint(np) : PointMessage.of(np, p.dims());
    }

    /** Changes a batch's own attributes; by default none. */
    protected BatchMessage mapBatch(BatchMessage b) {
        return b;
    }

    protected abstract Point map(Point p);
}
