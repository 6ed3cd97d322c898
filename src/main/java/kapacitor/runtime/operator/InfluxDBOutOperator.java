package kapacitor.runtime.operator;

import io.vertx.core.Context;
import kapacitor.influxdb.InfluxDBClient;
import kapacitor.influxdb.WriteTarget;
import kapacitor.lineprotocol.LineProtocolWriter;
import kapacitor.lineprotocol.Precision;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.batch.BatchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The influxDBOut node (Kapacitor's InfluxDBOutNode): buffers points as line protocol per (database, retention policy,
 * consistency, precision), writes a buffer when it holds {@code buffer} points and every {@code flushInterval}, and
 * passes every message on. Writes are asynchronous: at most {@link #MAX_IN_FLIGHT} at once, more are dropped and
 * counted in write_errors, so a slow InfluxDB never stalls the task. With {@code create}, the database (and the
 * retention policy) is created first and writes wait for that. Runs on the task's thread.
 */
public final class InfluxDBOutOperator implements Operator, ContextAware {
    public static final int MAX_IN_FLIGHT = 16;
    private static final Logger LOG = LoggerFactory.getLogger(InfluxDBOutOperator.class);

    /** One buffer of lines for one write target. */
    private static final class Pending {
        final LineProtocolWriter lines = new LineProtocolWriter();
        int count;
    }

    private final InfluxDBClient client;
    private final String database;
    private final String retentionPolicy;
    private final String measurement;
    private final String consistency;
    private final String precision;
    private final Precision timePrecision;
    private final Map<String, String> tags;
    private final long bufferSize;
    private final long flushInterval;
    private final boolean create;
    private final Map<WriteTarget, Pending> buffers = new LinkedHashMap<>();
    private NodeContext ctx;
    private Context context;
    private long flushTimer = -1;
    /** False until the database exists when {@code create} is set; buffers then only fill. */
    private boolean ready;
    private int inFlight;
    private long pointsWritten;
    private long writeErrors;

    public InfluxDBOutOperator(InfluxDBClient client, String database, String retentionPolicy, String measurement,
                               String consistency, String precision, Map<String, String> tags, long bufferSize,
                               long flushInterval, boolean create) {
        this.client = client;
        this.database = database;
        this.retentionPolicy = retentionPolicy;
        this.measurement = measurement;
        this.consistency = consistency;
        this.precision = precision;
        this.timePrecision = Precision.parse(precision);
        this.tags = Map.copyOf(tags);
        this.bufferSize = Math.max(1, bufferSize);
        this.flushInterval = flushInterval;
        this.create = create;
        this.ready = !create;
    }

    @Override
    public void open(NodeContext nodeContext) {
        ctx = nodeContext;
        context = nodeContext.vertx().getOrCreateContext();
        if (flushInterval > 0) {
            flushTimer = ctx.clock().setPeriodic(flushInterval, () -> ctx.run(this::flushAll).run());
        }
        if (create) {
            String q = "CREATE DATABASE " + BatchQuery.quoteIdent(database)
                + (retentionPolicy.isEmpty() ? "" : " WITH NAME " + BatchQuery.quoteIdent(retentionPolicy));
            client.query(q, "").onComplete(ar -> context.runOnContext(v -> ctx.run(() -> {
                if (ar.failed()) {
                    ctx.output().error("failed to create database: " + ar.cause().getMessage() + " database="
                        + database);
                }
                ready = true;
                flushAll();
            }).run()));
        }
    }

    @Override
    public void close() {
        if (ctx == null) {
            return;
        }
        if (flushTimer >= 0) {
            ctx.clock().cancel(flushTimer);
        }
        // Kapacitor flushes what is buffered when the task stops.
        if (ready) {
            flushAll();
        }
    }

    @Override
    public void process(Message m, Output out) {
        if (m instanceof PointMessage pm) {
            Point p = pm.point();
            add(p.db(), p.rp(), p.name(), List.of(p), out);
        } else if (m instanceof BatchMessage b) {
            add("", "", b.name(), b.points(), out);
        }
        out.emit(m);
    }

    @Override
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("points_written", pointsWritten);
        m.put("write_errors", writeErrors);
        return m;
    }

    private void add(String db, String rp, String name, List<Point> points, Output out) {
        WriteTarget target = new WriteTarget(database.isEmpty() ? db : database,
            retentionPolicy.isEmpty() ? rp : retentionPolicy, consistency, precision);
        String n = measurement.isEmpty() ? name : measurement;
        Pending pending = buffers.computeIfAbsent(target, t -> new Pending());
        for (Point p : points) {
            Tags t = p.tags();
            if (!tags.isEmpty()) {
                Map<String, String> merged = new LinkedHashMap<>(t.toMap());
                merged.putAll(tags);
                t = Tags.of(merged);
            }
            try {
                pending.lines.append(new Point(n, target.database(), target.retentionPolicy(), t, p.fields(),
                    p.time()), timePrecision);
                pending.count++;
            } catch (IllegalArgumentException e) {
                out.error("failed to write points to InfluxDB: " + e.getMessage());
            }
        }
        if (pending.count >= bufferSize && ready) {
            send(target, buffers.remove(target), out);
        }
    }

    private void flushAll() {
        if (!ready || ctx == null) {
            return;
        }
        Output out = ctx.output();
        for (Map.Entry<WriteTarget, Pending> e : List.copyOf(buffers.entrySet())) {
            if (e.getValue().count > 0) {
                send(e.getKey(), e.getValue(), out);
            }
        }
        buffers.clear();
    }

    private void send(WriteTarget target, Pending pending, Output out) {
        if (pending == null || pending.count == 0) {
            return;
        }
        if (inFlight >= MAX_IN_FLIGHT) {
            writeErrors++;
            out.error("failed to write points to InfluxDB: too many writes in flight, dropped " + pending.count
                + " points");
            return;
        }
        inFlight++;
        int count = pending.count;
        client.write(target, pending.lines.toBuffer()).onComplete(ar -> context.runOnContext(v -> ctx.run(() -> {
            inFlight--;
            if (ar.succeeded()) {
                pointsWritten += count;
            } else {
                writeErrors++;
                ctx.output().error("failed to write points to InfluxDB: " + ar.cause().getMessage());
            }
        }).run()));
        LOG.debug("msg=\"writing points\" database={} count={}", target.database(), count);
    }
}
