package kapacitor.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.runtime.operator.GoJson;
import kapacitor.runtime.operator.NodeServices;
import kapacitor.runtime.time.GoTime;
import kapacitor.tick.eval.TickCompiler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs a TICKscript stream task over a Kapacitor test data set through the ingest router, and builds the httpOut JSON
 * Kapacitor's streamer tests expect (models.Result rows).
 */
final class StreamerHarness implements AutoCloseable {
    static final long S = 1_000_000_000L;
    /** 1971-01-01T00:00:00Z, the start of Kapacitor's test data sets. */
    static final long T0 = 31_536_000L * S;

    final Vertx vertx;
    final IngestRouter router;
    final LocalTaskRunner runner;

    StreamerHarness() {
        this(Map.of());
    }

    /** With configured httpPost endpoints; the URLs may be filled in later through {@link #endpoints}. */
    StreamerHarness(Map<String, NodeServices.HttpPostEndpoint> endpoints) {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        router = new IngestRouter(vertx.eventBus(), new IngestStats());
        runner = new LocalTaskRunner(vertx, router, LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(), endpoints);
    }

    /** Tasks started from now on chain their operators ({@code [task] operator-chaining}). */
    StreamerHarness chained() {
        runner.operatorChaining(true);
        return this;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts the task, writes every point of the data set (one write per point), waits until it was all handled. */
    void start(String name, String data, String script) throws Exception {
        TestData d = TestData.load(data);
        await(runner.start(new TaskSpec(name, TaskType.STREAM, TickCompiler.compileTask(script, TaskType.STREAM,
            Map.of()), List.of(new DbRp(d.db(), d.rp())))));
        for (var point : d.points()) {
            router.route(d.db(), d.rp(), List.of(point));
        }
        waitIdle(name);
    }

    void waitIdle(String name) throws Exception {
        while (!await(runner.idle(name))) {
            Thread.onSpinWait();
        }
    }

    String httpOut(String task, String endpoint) throws Exception {
        return await(runner.httpOut(task, endpoint)).toString();
    }

    String run(String name, String data, String script) throws Exception {
        start(name, data, script);
        return httpOut(name, name);
    }

    /** One value row: the time in seconds after 1971-01-01 (fractions allowed), then the column values. */
    static Object[] at(double seconds, Object... values) {
        Object[] row = new Object[values.length + 1];
        row[0] = T0 + Math.round(seconds * S);
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    static Map<String, String> tags(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A models.Row as Go's json.Marshal writes it; columns exclude "time". */
    static String row(String name, Map<String, String> tags, List<String> columns, Object[]... values) {
        StringBuilder b = new StringBuilder("{\"name\":");
        GoJson.string(b, name);
        if (!tags.isEmpty()) {
            b.append(",\"tags\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(tags).entrySet()) {
                b.append(first ? "" : ",");
                GoJson.string(b, e.getKey());
                b.append(':');
                GoJson.string(b, e.getValue());
                first = false;
            }
            b.append('}');
        }
        b.append(",\"columns\":[\"time\"");
        for (String c : columns) {
            b.append(',');
            GoJson.string(b, c);
        }
        b.append("],\"values\":[");
        for (int r = 0; r < values.length; r++) {
            b.append(r == 0 ? "[\"" : ",[\"").append(GoTime.formatRfc3339Nano((Long) values[r][0])).append('"');
            for (int i = 1; i < values[r].length; i++) {
                b.append(',');
                GoJson.value(b, values[r][i]);
            }
            b.append(']');
        }
        return b.append("]}").toString();
    }

    static List<String> columns(String... names) {
        return Arrays.asList(names);
    }

    static String result(String... rows) {
        return "{\"series\":[" + String.join(",", rows) + "]}";
    }

    /** Kapacitor's ignoreOrder comparison: the same rows in any order. */
    static void assertAnyOrder(String out, String... rows) {
        for (String r : rows) {
            if (!out.contains(r)) {
                assertEquals(result(rows), out, "missing row " + r);
            }
        }
        assertEquals(result(rows).length(), out.length(), out);
    }
}
