package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.AggregatedBatch;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Kapacitor's window node: per group, buffers points and emits a batch when a point's time reaches the next emit
 * time (by time) or when enough points arrived (by count). Time is the points' own time, never the wall clock.
 */
public final class WindowOperator extends GroupedOperator<WindowOperator.Window> {
    private final long period;
    private final long every;
    private final boolean align;
    private final boolean fillPeriod;
    private final int periodCount;
    private final int everyCount;

    public WindowOperator(long period, long every, boolean align, boolean fillPeriod, long periodCount,
                          long everyCount) {
        if (period == 0 && periodCount == 0) {
            throw new IllegalArgumentException(
                "window node must have either a non zero period or non zero period count");
        }
        this.period = period;
        this.every = every;
        this.align = align;
        this.fillPeriod = fillPeriod;
        this.periodCount = (int) periodCount;
        this.everyCount = (int) everyCount;
    }

    /** Set when the window feeds exactly one InfluxQL aggregate: windows then reduce as they fill. */
    private InfluxQLOperator aggregate;

    /**
     * Whether this window's batches can be reduced as they fill with output identical to buffering them: a tumbling
     * time window (period equal to every). Then each emitted batch is exactly the points added since the previous
     * emission, less a leading run older than the window's start, which Kapacitor's purge would drop.
     */
    public boolean canAggregate() {
        return period != 0 && every == period;
    }

    /** Feeds every window into a reduction of the node's only child instead of buffering its points. */
    public void aggregateInto(InfluxQLOperator aggregate) {
        if (!canAggregate()) {
            throw new IllegalStateException("window cannot aggregate");
        }
        this.aggregate = aggregate;
    }

    interface Window {
        Message add(Point p);

        /** What a barrier makes the window emit: the batch it closes, the barrier itself, or nothing (null). */
        Message barrier(BarrierMessage b);

        /** A field read (see GroupedOperator#touch). */
        long touch();
    }

    /** A barrier closes the current window by time; Kapacitor's time window does not pass the barrier on. */
    @Override
    protected void onBarrier(Window w, BarrierMessage b, Output out) {
        Message m = w.barrier(b);
        if (m != null) {
            out.emit(m);
        }
    }

    @Override
    protected Window newGroup(Message first) {
        if (period != 0) {
            return aggregate != null ? new Reducing(first, first.time()) : new ByTime(first, first.time());
        }
        return new ByCount(first);
    }

    /** Sunk so that the reads of {@link #touch} are not optimized away. */
    private long touched;

    @Override
    protected void touch(Window w) {
        touched += w.touch();
    }

    @Override
    protected void onPoint(Window w, PointMessage p, Output out) {
        Message b = w.add(p.point());
        if (b != null) {
            out.emit(b);
        }
    }

    @Override
    protected void onBatch(Window w, BatchMessage b, Output out) {
        out.error("window does not support batch data");
    }

    /** A group's identity, copied from its first message so that message and its point are not kept. */
    private abstract static class GroupOf {
        final String name;
        final Tags groupTags;
        final Dimensions dims;
        final String groupId;

        GroupOf(Message first) {
            this.name = first.name();
            this.groupTags = first.groupTags();
            this.dims = first.dims();
            this.groupId = first.groupId();
        }
    }

    private long firstEmit(long t) {
        long nextEmit;
        if (fillPeriod) {
            nextEmit = t + period;
            if (align) {
                long first = nextEmit;
                nextEmit = GoTime.truncate(nextEmit, every);
                if (nextEmit <= first) {
                    nextEmit += every;
                }
            }
        } else {
            nextEmit = t + every;
            if (align) {
                nextEmit = GoTime.truncate(nextEmit, every);
            }
        }
        return nextEmit;
    }

    private long followingEmit(long t) {
        long next = t + every;
        return align ? GoTime.truncate(next, every) : next;
    }

    /**
     * A tumbling time window reduced as it fills (see {@link #canAggregate()}); it is itself the running reduction,
     * so a group costs one object here.
     */
    private final class Reducing extends InfluxQLOperator.Reduction implements Window {
        private final String name;
        private final Tags groupTags;
        private final Dimensions dims;
        private final String groupId;
        private long nextEmit;
        /** No point kept since the last emission: points older than the window start are still being dropped. */
        private boolean leading = true;

        Reducing(Message first, long t) {
            name = first.name();
            groupTags = first.groupTags();
            dims = first.dims();
            groupId = first.groupId();
            nextEmit = firstEmit(t);
        }

        @Override
        public Message add(Point p) {
            Message out = null;
            long t = p.time();
            if (t >= nextEmit) {
                out = close();
                nextEmit = followingEmit(t);
            }
            if (leading && t < nextEmit - period) {
                return out;
            }
            leading = false;
            aggregate.add(this, p);
            return out;
        }

        @Override
        public Message barrier(BarrierMessage b) {
            long t = b.time();
            if (t < nextEmit) {
                return null;
            }
            Message out = close();
            nextEmit = followingEmit(t);
            return out;
        }

        @Override
        public long touch() {
            return nextEmit;
        }

        private Message close() {
            leading = true;
            return new AggregatedBatch(name, groupTags, dims, groupId, nextEmit, handOff());
        }
    }

    private final class ByTime extends GroupOf implements Window {
        private final ArrayDeque<Point> buf = new ArrayDeque<>();
        private long nextEmit;

        ByTime(Message group, long t) {
            super(group);
            nextEmit = firstEmit(t);
        }

        @Override
        public BatchMessage add(Point p) {
            BatchMessage out = null;
            long t = p.time();
            if (every == 0) {
                buf.addLast(p);
                if (t >= nextEmit) {
                    purge(t - period, false);
                    out = batch(t);
                    nextEmit = t;
                }
                return out;
            }
            if (t >= nextEmit) {
                purge(nextEmit - period, true);
                out = batch(nextEmit);
                nextEmit = followingEmit(t);
            }
            buf.addLast(p);
            return out;
        }

        @Override
        public Message barrier(BarrierMessage b) {
            long t = b.time();
            if (t < nextEmit) {
                return null;
            }
            if (every == 0) {
                purge(t - period, false);
                nextEmit = t;
                return batch(t);
            }
            purge(nextEmit - period, true);
            BatchMessage out = batch(nextEmit);
            nextEmit = followingEmit(t);
            return out;
        }

        @Override
        public long touch() {
            return nextEmit;
        }

        /** Drops points from the front until the first one inside the window (Kapacitor stops at the first). */
        private void purge(long oldest, boolean inclusive) {
            while (!buf.isEmpty()) {
                long t = buf.peekFirst().time();
                boolean keep = inclusive ? t >= oldest : t > oldest;
                if (keep) {
                    return;
                }
                buf.pollFirst();
            }
        }

        private BatchMessage batch(long tmax) {
            return new BatchMessage(name, groupTags, dims, groupId, tmax, new ArrayList<>(buf));
        }
    }

    private final class ByCount extends GroupOf implements Window {
        private final ArrayDeque<Point> buf = new ArrayDeque<>();
        private long count;
        private long nextEmit;

        ByCount(Message group) {
            super(group);
            this.nextEmit = fillPeriod ? periodCount : everyCount;
        }

        @Override
        public long touch() {
            return nextEmit;
        }

        /** Kapacitor's count windows are not flushed by barriers; they pass them on. */
        @Override
        public Message barrier(BarrierMessage b) {
            return b;
        }

        @Override
        public BatchMessage add(Point p) {
            buf.addLast(p);
            if (buf.size() > periodCount) {
                buf.pollFirst();
            }
            count++;
            if (count != nextEmit) {
                return null;
            }
            nextEmit += everyCount;
            List<Point> points = new ArrayList<>(buf);
            return new BatchMessage(name, groupTags, dims, groupId, points.get(points.size() - 1).time(), points);
        }
    }
}
