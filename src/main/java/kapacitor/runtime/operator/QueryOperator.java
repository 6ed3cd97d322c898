package kapacitor.runtime.operator;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import kapacitor.influxdb.InfluxDBClient;
import kapacitor.influxdb.QueryResponse;
import kapacitor.runtime.batch.BatchQuery;
import kapacitor.runtime.batch.QuerySchedule;
import kapacitor.runtime.batch.ResultBatches;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch task's query() node (Kapacitor's QueryNode): on each tick of its schedule it queries InfluxDB for the window
 * {@code [tick - offset - period, tick - offset)} and emits one batch per series of the answer. One query runs at a
 * time; a tick that comes while one runs waits for it, and later ones are skipped, as Go's ticker drops ticks.
 * A failed query is counted in the node's errors and logged; the schedule goes on. Runs on the task's thread.
 */
public final class QueryOperator implements Operator, ContextAware {
    private static final Logger LOG = LoggerFactory.getLogger(QueryOperator.class);
    private static final long NONE = Long.MIN_VALUE;

    private final BatchQuery query;
    private final QuerySchedule schedule;
    private final long period;
    private final long offset;
    private final boolean byName;
    private final InfluxDBClient client;
    private NodeContext ctx;
    private Context context;
    private long timer = -1;
    private boolean running;
    private boolean closed;
    private long waitingTick = NONE;
    private long batchesQueried;
    private long pointsQueried;

    public QueryOperator(BatchQuery query, QuerySchedule schedule, long period, long offset, boolean byName,
                         InfluxDBClient client) {
        this.query = query;
        this.schedule = schedule;
        this.period = period;
        this.offset = offset;
        this.byName = byName;
        this.client = client;
    }

    @Override
    public void open(NodeContext nodeContext) {
        if (client == null) {
            throw new IllegalStateException("InfluxDB not configured, cannot query InfluxDB for batch query");
        }
        this.ctx = nodeContext;
        this.context = nodeContext.vertx().getOrCreateContext();
        long first = schedule.first(ctx.clock().nowNanos());
        arm(first);
    }

    @Override
    public void close() {
        closed = true;
        if (ctx != null && timer >= 0) {
            ctx.clock().cancel(timer);
        }
    }

    @Override
    public void process(Message m, Output out) {
        // A query node's only parent is the batch source, which sends nothing; pass on anything that comes.
        out.emit(m);
    }

    @Override
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("batches_queried", batchesQueried);
        m.put("points_queried", pointsQueried);
        return m;
    }

    private void arm(long tick) {
        if (tick == Long.MAX_VALUE) {
            return;
        }
        timer = ctx.clock().setTimer(Math.max(0, tick - ctx.clock().nowNanos()), () -> onTick(tick));
    }

    private void onTick(long tick) {
        if (closed) {
            return;
        }
        arm(schedule.after(tick));
        if (running) {
            if (waitingTick == NONE) {
                waitingTick = tick;
            }
            return;
        }
        run(tick);
    }

    private void run(long tick) {
        long stop = tick - offset;
        String text = query.text(stop - period, stop);
        LOG.debug("msg=\"starting next batch query\" query=\"{}\"", text);
        running = true;
        client.query(text, "").onComplete(ar -> context.runOnContext(v -> ctx.run(() -> done(ar, stop)).run()));
    }

    private void done(AsyncResult<QueryResponse> ar, long stop) {
        running = false;
        if (closed) {
            return;
        }
        Output out = ctx.output();
        try {
            if (ar.failed()) {
                out.error("error executing query: " + ar.cause().getMessage());
                return;
            }
            for (QueryResponse.Result r : ar.result().results()) {
                List<BatchMessage> batches;
                try {
                    batches = ResultBatches.of(r, byName, query.isGroupedByTime(), stop);
                } catch (IllegalArgumentException e) {
                    out.error("failed to understand query result: " + e.getMessage());
                    continue;
                }
                for (BatchMessage b : batches) {
                    batchesQueried++;
                    pointsQueried += b.points().size();
                    out.emit(b);
                }
            }
        } finally {
            if (waitingTick != NONE) {
                long next = waitingTick;
                waitingTick = NONE;
                context.runOnContext(v -> ctx.run(() -> {
                    if (!closed && !running) {
                        run(next);
                    }
                }).run());
            }
        }
    }
}
