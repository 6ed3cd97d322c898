package kapacitor.runtime.operator;

import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.TaskClock;

import java.util.ArrayList;
import java.util.List;

/**
 * Kapacitor's barrier node. Per group, on the wall clock: with {@code idle}, a barrier at the last data time plus idle
 * once the group saw no data for idle (and again every idle after); with {@code period}, a barrier at the current time
 * every period. Data older than the last barrier is dropped. With {@code delete}, each barrier is followed by a
 * delete of the group, fed through this node first as Kapacitor does.
 */
public final class BarrierOperator extends GroupedOperator<BarrierOperator.Group> implements ContextAware {
    private final long idle;
    private final long period;
    private final boolean delete;
    private final List<Group> open = new ArrayList<>();
    private NodeContext context;

    public BarrierOperator(long idle, long period, boolean delete) {
        if (idle == 0 && period == 0) {
            throw new IllegalArgumentException("barrier node must have either a non zero idle or a non zero period");
        }
        this.idle = idle;
        this.period = period;
        this.delete = delete;
    }

    @Override
    public void open(NodeContext ctx) {
        this.context = ctx;
    }

    @Override
    public void close() {
        for (Group g : List.copyOf(open)) {
            g.stop();
        }
    }

    final class Group {
        private final Message group;
        private final TaskClock clock = context.clock();
        /** Data time the next idle barrier counts from (Kapacitor starts it at the wall-clock time). */
        private long lastPointTime;
        private long lastBarrierTime = Long.MIN_VALUE;
        /** Wall-clock time of the last data, to re-arm the idle timer lazily instead of resetting it per point. */
        private long lastActivity;
        private long timer;
        private boolean stopped;

        Group(Message group) {
            this.group = group;
            lastPointTime = clock.nowNanos();
            lastActivity = lastPointTime;
            if (idle > 0) {
                timer = clock.setTimer(idle, context.run(this::idleCheck));
            } else {
                timer = clock.setPeriodic(period, context.run(this::periodTick));
            }
            open.add(this);
        }

        /** True when the data is not older than the last barrier; an idle barrier's clock restarts on it. */
        boolean accept(long time, boolean isBarrier) {
            if (time < lastBarrierTime) {
                return false;
            }
            if (idle > 0) {
                lastActivity = clock.nowNanos();
                lastPointTime = time;
                if (isBarrier) {
                    lastBarrierTime = time;
                }
            }
            return true;
        }

        private void idleCheck() {
            if (stopped) {
                return;
            }
            long quiet = clock.nowNanos() - lastActivity;
            if (quiet < idle) {
                timer = clock.setTimer(idle - quiet, context.run(this::idleCheck));
                return;
            }
            lastPointTime += idle;
            lastBarrierTime = lastPointTime;
            lastActivity = clock.nowNanos();
            timer = clock.setTimer(idle, context.run(this::idleCheck));
            emitBarrier(lastPointTime);
        }

        private void periodTick() {
            if (stopped) {
                return;
            }
            lastBarrierTime = clock.nowNanos();
            emitBarrier(lastBarrierTime);
        }

        private void emitBarrier(long time) {
            context.output().emit(BarrierMessage.of(group, time));
            if (delete) {
                context.self(DeleteGroupMessage.of(group));
            }
        }

        void stop() {
            stopped = true;
            clock.cancel(timer);
            open.remove(this);
        }
    }

    @Override
    protected Group newGroup(Message first) {
        return new Group(first);
    }

    @Override
    protected void onPoint(Group g, PointMessage p, Output out) {
        if (g.accept(p.time(), false)) {
            out.emit(p);
        }
    }

    /** Kapacitor judges each batch point; the batch keeps the points not older than the last barrier. */
    @Override
    protected void onBatch(Group g, BatchMessage b, Output out) {
        List<kapacitor.model.Point> kept = new ArrayList<>(b.points().size());
        for (kapacitor.model.Point p : b.points()) {
            if (g.accept(p.time(), false)) {
                kept.add(p);
            }
        }
        out.emit(kept.size() == b.points().size() ? b : b.withPoints(kept));
    }

    @Override
    protected void onBarrier(Group g, BarrierMessage b, Output out) {
        if (g.accept(b.time(), true)) {
            out.emit(b);
        }
    }

    @Override
    protected void onDelete(Group g, DeleteGroupMessage d, Output out) {
        g.stop();
        out.emit(d);
    }
}
