package kapacitor.runtime;

import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.influxdb.InfluxDBConfig;
import kapacitor.model.TaskType;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.runtime.time.GoTime;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static kapacitor.runtime.StreamerHarness.S;
import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kapacitor's batcher tests (integrations/batcher_test.go) through the real query path: the task's query node asks a
 * fake InfluxDB that answers with canned JSON laid out as Kapacitor's recorded batches (three cpus, points every 2 s,
 * one 10 s query window per tick); the task clock is moved one tick at a time.
 */
class BatcherTest {
    private static final String CPU_QUERY = "batch\n"
        + "    |query('''\n"
        + "        SELECT mean(\"value\")\n"
        + "        FROM \"telegraf\".\"default\".cpu_usage_idle\n"
        + "        WHERE \"host\" = 'serverA'\n"
        + "''')\n"
        + "        .period(10s)\n"
        + "        .every(10s)\n";

    private Vertx vertx;
    private FakeInfluxDB influx;
    private LocalTaskRunner runner;
    private volatile ContextClock clock;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        influx = new FakeInfluxDB(vertx);
        InfluxDBClusters clusters = InfluxDBClusters.create(vertx, List.of(InfluxDBConfig.of("default", influx.url())));
        runner = new LocalTaskRunner(vertx, new IngestRouter(vertx.eventBus(), new IngestStats()),
            LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(), Map.of(), clusters, v -> {
                clock = new ContextClock(v.getOrCreateContext(), T0);
                return clock;
            });
    }

    @AfterEach
    void stop() {
        influx.close();
        await(vertx.close());
    }

    /** One series of the canned answer: the cpu's mean every 2 s from {@code from} seconds, five rows. */
    private static String series(String cpu, int from, double base) {
        StringBuilder b = new StringBuilder("{\"name\":\"cpu_usage_idle\",\"tags\":{\"cpu\":\"" + cpu
            + "\"},\"columns\":[\"time\",\"mean\"],\"values\":[");
        for (int i = 0; i < 5; i++) {
            b.append(i == 0 ? "" : ",").append("[\"").append(GoTime.formatRfc3339Nano(T0 + (from + 2L * i) * S))
                .append("\",").append(base + i + 0.5).append(']');
        }
        return b.append("]}").toString();
    }

    private static String answer(int from) {
        return "{\"results\":[{\"statement_id\":0,\"series\":[" + series("cpu-total", from, 90) + ","
            + series("cpu0", from, 80) + "," + series("cpu1", from, 95) + "]}]}";
    }

    /** One untagged series: the mean every 2 s from {@code from} seconds, five rows. */
    private static String untagged(int from, double base) {
        return "{\"results\":[{\"statement_id\":0,\"series\":[" + series("x", from, base)
            .replace("\"tags\":{\"cpu\":\"x\"},", "") + "]}]}";
    }

    private void run(String name, String script) {
        await(runner.start(new TaskSpec(name, TaskType.BATCH, TickCompiler.compileTask(script, TaskType.BATCH,
            Map.of()), List.of())));
    }

    /** Moves the task clock by one 10 s tick and waits until the query's answer went through the task. */
    private void tick(String task, String node, long queries) {
        await(clock.advance(10 * S));
        waitFor(() -> nodeStat(task, node, "batches_queried") + nodeStat(task, node, "errors") >= queries);
        waitFor(() -> await(runner.idle(task)));
    }

    private long nodeStat(String task, String node, String stat) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) await(runner.stats(task)).stats()
            .get("node-stats");
        return ((Number) nodes.get(node).get(stat)).longValue();
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10 * S;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.onSpinWait();
        }
    }

    private String httpOut(String task, String endpoint) {
        return await(runner.httpOut(task, endpoint)).toString();
    }

    @Test
    void simpleMapReduce() {
        influx.answer(answer(0), answer(10), answer(20));
        run("TestBatch_SimpleMR", CPU_QUERY
            + "        .groupBy(time(2s), 'cpu')\n"
            + "    |count('mean')\n"
            + "    |window()\n"
            + "        .period(20s)\n"
            + "        .every(20s)\n"
            + "    |sum('count')\n"
            + "    |httpOut('TestBatch_SimpleMR')\n");
        tick("TestBatch_SimpleMR", "query1", 3);
        tick("TestBatch_SimpleMR", "query1", 6);
        tick("TestBatch_SimpleMR", "query1", 9);
        assertEquals(result(
            row("cpu_usage_idle", tags("cpu", "cpu-total"), columns("sum"), at(28, 10.0)),
            row("cpu_usage_idle", tags("cpu", "cpu0"), columns("sum"), at(28, 10.0)),
            row("cpu_usage_idle", tags("cpu", "cpu1"), columns("sum"), at(28, 10.0))),
            httpOut("TestBatch_SimpleMR", "TestBatch_SimpleMR"));
        assertEquals(45, nodeStat("TestBatch_SimpleMR", "query1", "points_queried"));
    }

    @Test
    void joinOfTwoQueries() {
        influx.answerFor("'cpu0'", untagged(0, 80), untagged(10, 81), untagged(20, 82));
        influx.answerFor("'cpu1'", untagged(0, 90), untagged(10, 91), untagged(20, 92));
        String query = "    |query('''\n        SELECT mean(\"value\")\n"
            + "        FROM \"telegraf\".\"default\".cpu_usage_idle\n        WHERE \"cpu\" = '%s'\n''')\n"
            + "        .period(10s)\n        .every(10s)\n        .groupBy(time(2s))\n";
        run("TestBatch_Join", "var cpu0 = batch\n" + String.format(query, "cpu0")
            + "var cpu1 = batch\n" + String.format(query, "cpu1")
            + "cpu0\n    |join(cpu1)\n        .as('cpu0', 'cpu1')\n    |count('cpu0.mean')\n"
            + "    |window()\n        .period(20s)\n        .every(20s)\n    |sum('count')\n"
            + "    |httpOut('TestBatch_Join')\n");
        for (int i = 1; i <= 3; i++) {
            long queried = i;
            tick("TestBatch_Join", "query1", queried);
            waitFor(() -> nodeStat("TestBatch_Join", "query2", "batches_queried") >= queried);
            waitFor(() -> await(runner.idle("TestBatch_Join")));
        }
        assertEquals(result(row("cpu_usage_idle", Map.of(), columns("sum"), at(28, 10.0))),
            httpOut("TestBatch_Join", "TestBatch_Join"));
    }

    @Test
    void queryCarriesTheWindowBoundsAndTheNodeGroupBy() {
        run("q", CPU_QUERY + "        .groupBy(time(2s, 1s), 'cpu')\n        .fill(0)\n    |httpOut('q')\n");
        tick("q", "query1", 0);
        tick("q", "query1", 0);
        waitFor(() -> influx.queries.size() >= 2);
        assertEquals(List.of(
            "SELECT mean(\"value\") FROM \"telegraf\".\"default\".cpu_usage_idle WHERE \"host\" = 'serverA' AND "
                + "time >= '1971-01-01T00:00:00Z' AND time < '1971-01-01T00:00:10Z' GROUP BY time(2s, 1s), cpu "
                + "fill(0)",
            "SELECT mean(\"value\") FROM \"telegraf\".\"default\".cpu_usage_idle WHERE \"host\" = 'serverA' AND "
                + "time >= '1971-01-01T00:00:10Z' AND time < '1971-01-01T00:00:20Z' GROUP BY time(2s, 1s), cpu "
                + "fill(0)"), influx.queries);
    }

    @Test
    void groupedOnlyByTagsBatchesTakeTheQueryStopTime() {
        // Kapacitor's TestBatch_CountEmptyBatch replays recorded batches; through a query the batch time is the
        // query's stop time when the query is not grouped by time (batch.go), here the third tick at 30 s.
        influx.answer(answer(0), answer(10), answer(20));
        run("TestBatch_CountEmptyBatch", CPU_QUERY
            + "        .groupBy('cpu')\n"
            + "    |where(lambda: \"mean\" < 10)\n"
            + "    |count('mean')\n"
            + "    |httpOut('TestBatch_CountEmptyBatch')\n");
        tick("TestBatch_CountEmptyBatch", "query1", 3);
        tick("TestBatch_CountEmptyBatch", "query1", 6);
        tick("TestBatch_CountEmptyBatch", "query1", 9);
        assertEquals(result(
            row("cpu_usage_idle", tags("cpu", "cpu-total"), columns("count"), at(30, 0.0)),
            row("cpu_usage_idle", tags("cpu", "cpu0"), columns("count"), at(30, 0.0)),
            row("cpu_usage_idle", tags("cpu", "cpu1"), columns("count"), at(30, 0.0))),
            httpOut("TestBatch_CountEmptyBatch", "TestBatch_CountEmptyBatch"));
    }

    @Test
    void offsetMovesTheWindowBackAndPeriodSetsItsLength() {
        run("off", CPU_QUERY.replace(".period(10s)", ".period(20s)").replace(".every(10s)", ".every(10s).align()")
            + "        .offset(5s)\n    |httpOut('off')\n");
        tick("off", "query1", 0);
        waitFor(() -> influx.queries.size() >= 1);
        assertTrue(influx.queries.get(0).endsWith("time >= '1970-12-31T23:59:45Z' AND time < '1971-01-01T00:00:05Z'"),
            influx.queries.get(0));
    }

    @Test
    void aCronScheduleRunsTheQueryOnItsSeconds() {
        run("cron", CPU_QUERY.replace(".every(10s)", ".cron('*/10 * * * * * *')") + "    |httpOut('cron')\n");
        tick("cron", "query1", 0);
        waitFor(() -> influx.queries.size() >= 1);
        assertTrue(influx.queries.get(0).endsWith("time >= '1971-01-01T00:00:00Z' AND time < '1971-01-01T00:00:10Z'"),
            influx.queries.get(0));
    }

    @Test
    void aFailedQueryIsCountedAndTheScheduleGoesOn() {
        influx.answer("400:{\"error\":\"error parsing query: found EOF\"}", answer(10));
        run("err", CPU_QUERY + "        .groupBy(time(2s), 'cpu')\n    |httpOut('err')\n");
        tick("err", "query1", 1);
        assertEquals(1, nodeStat("err", "query1", "errors"));
        assertEquals("{\"series\":null}", httpOut("err", "err"));
        tick("err", "query1", 4);
        assertEquals(3, nodeStat("err", "query1", "batches_queried"));
        assertTrue(httpOut("err", "err").contains("\"tags\":{\"cpu\":\"cpu1\"}"));
    }

    @Test
    void anUnreachableInfluxDBIsCountedAsAnError() {
        String down = "http://127.0.0.1:" + kapacitor.testing.Http.freePort();
        runner = new LocalTaskRunner(vertx, new IngestRouter(vertx.eventBus(), new IngestStats()),
            LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(), Map.of(),
            InfluxDBClusters.create(vertx, List.of(InfluxDBConfig.of("default", down))), v -> {
                clock = new ContextClock(v.getOrCreateContext(), T0);
                return clock;
            });
        run("down", CPU_QUERY + "    |httpOut('down')\n");
        tick("down", "query1", 1);
        tick("down", "query1", 2);
        assertEquals(2, nodeStat("down", "query1", "errors"));
        assertTrue(runner.isExecuting("down"));
    }

    @Test
    void aBatchTaskWithoutInfluxDBDoesNotStart() {
        LocalTaskRunner bare = new LocalTaskRunner(vertx, new IngestRouter(vertx.eventBus(), new IngestStats()));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> await(bare.start(
            new TaskSpec("x", TaskType.BATCH, TickCompiler.compileTask(CPU_QUERY + "    |httpOut('x')\n",
                TaskType.BATCH, Map.of()), List.of()))));
        assertTrue(e.getMessage().contains("InfluxDB not configured, cannot query InfluxDB for batch query"),
            e.getMessage());
    }
}
