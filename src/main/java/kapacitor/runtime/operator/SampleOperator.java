package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.ArrayList;
import java.util.List;

/** Kapacitor's sample node: keeps every n-th point of a group, or the points whose time is a multiple of a duration. */
public final class SampleOperator extends GroupedOperator<long[]> {
    private final long n;
    private final long duration;

    public SampleOperator(long n, long duration) {
        if (n == 0 && duration == 0) {
            throw new IllegalArgumentException("invalid sample rate: must be positive integer or duration");
        }
        this.n = n;
        this.duration = duration;
    }

    @Override
    protected long[] newGroup(Message first) {
        return new long[1];
    }

    @Override
    protected void onPoint(long[] count, PointMessage p, Output out) {
        if (keep(count[0]++, p.time())) {
            out.emit(p);
        }
    }

    @Override
    protected void onBatch(long[] count, BatchMessage b, Output out) {
        count[0] = 0;
        List<Point> kept = new ArrayList<>();
        for (Point bp : b.points()) {
            if (keep(count[0]++, bp.time())) {
                kept.add(bp);
            }
        }
        out.emit(b.withPoints(kept));
    }

    private boolean keep(long count, long t) {
        if (duration != 0) {
            return GoTime.truncate(t, duration) == t;
        }
        return count % n == 0;
    }
}
