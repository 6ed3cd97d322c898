package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.runtime.edge.EdgeStats;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.List;
import java.util.function.Supplier;

/**
 * Kapacitor's stats node: every interval of the wall clock, one "stats" point per group of the watched node with the
 * group's emitted count (what its first outgoing edge carried), or one ungrouped point with 0 before any data. With
 * align, the first point comes at the next multiple of the interval and times are rounded to it.
 */
public final class StatsOperator implements Operator, ContextAware {
    private final long interval;
    private final boolean align;
    private Supplier<EdgeStats> watched = () -> null;
    private NodeContext context;
    private long timer = -1;

    public StatsOperator(long interval, boolean align) {
        if (interval <= 0) {
            throw new IllegalArgumentException("stats node must have positive interval");
        }
        this.interval = interval;
        this.align = align;
    }

    /** The first outgoing edge of the watched node (null when it has none), looked up at each tick. */
    public void watch(Supplier<EdgeStats> firstOut) {
        this.watched = firstOut;
    }

    @Override
    public void open(NodeContext ctx) {
        this.context = ctx;
        long now = ctx.clock().nowNanos();
        if (align) {
            long next = GoTime.truncate(now, interval) + interval;
            timer = ctx.clock().setTimer(next - now, ctx.run(() -> {
                emit(now);
                timer = ctx.clock().setPeriodic(interval, ctx.run(() -> emit(ctx.clock().nowNanos())));
            }));
        } else {
            timer = ctx.clock().setPeriodic(interval, ctx.run(() -> emit(ctx.clock().nowNanos())));
        }
    }

    @Override
    public void close() {
        if (timer >= 0 && context != null) {
            context.clock().cancel(timer);
        }
    }

    /** Kapacitor passes the time of the tick (for the first aligned one, the time it started waiting). */
    private void emit(long now) {
        long t = align ? GoTime.round(now, interval) : now;
        EdgeStats stats = watched.get();
        List<EdgeStats.GroupCount> groups = stats == null ? List.of() : stats.groups();
        Output out = context.output();
        if (groups.isEmpty()) {
            out.emit(PointMessage.ungrouped(new Point("stats", "", "", kapacitor.model.Tags.EMPTY,
                Fields.of("emitted", 0L), t)));
            return;
        }
        for (EdgeStats.GroupCount g : groups) {
            Point p = new Point("stats", "", "", g.tags(), Fields.of("emitted", g.collected()), t);
            out.emit(new PointMessage(p, g.dims(), g.groupId()));
        }
    }

    @Override
    public void process(Message m, Output out) {
        // The stats node has no parent: nothing flows into it.
    }
}
