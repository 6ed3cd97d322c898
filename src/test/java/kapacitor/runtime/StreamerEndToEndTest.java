package kapacitor.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.EdgeType;
import kapacitor.pipeline.Pipeline;
import kapacitor.pipeline.TickObject;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.runtime.operator.GoJson;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kapacitor's integrations/streamer_test.go cases that need no lambda: the data set goes through the ingest router as
 * frames, and the httpOut JSON must equal what Kapacitor serves.
 */
class StreamerEndToEndTest {
    private static final long S = 1_000_000_000L;

    private Vertx vertx;
    private IngestRouter router;
    private LocalTaskRunner runner;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        router = new IngestRouter(vertx.eventBus(), new IngestStats());
        runner = new LocalTaskRunner(vertx, router);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String run(String name, String data, Pipeline p) throws Exception {
        TestData d = TestData.load(data);
        await(runner.start(new TaskSpec(name, TaskType.STREAM, p, List.of(new DbRp(d.db(), d.rp())))));
        for (var point : d.points()) {
            // One write per point, as the replay in the Go test delivers them.
            router.route(d.db(), d.rp(), List.of(point));
        }
        while (!await(runner.idle(name))) {
            Thread.onSpinWait();
        }
        return await(runner.httpOut(name, name)).toString();
    }

    private String runScript(String name, String data, String script) throws Exception {
        return run(name, data, TickCompiler.compileTask(script, TaskType.STREAM, Map.of()));
    }

    /** One series row of a single value, as Kapacitor's JSON. */
    private static String row(String name, String tags, String column, String time, String value) {
        return "{\"name\":\"" + name + "\"," + (tags.isEmpty() ? "" : "\"tags\":{" + tags + "},")
            + "\"columns\":[\"time\",\"" + column + "\"],\"values\":[[\"1971-01-01T00:00:" + time + "Z\","
            + value + "]]}";
    }

    @Test
    void window() throws Exception {
        String out = runScript("TestStream_Window", "stream_window", """
            var period = 10s
            var every = 10s
            stream
                |from()
                    .database('dbname')
                    .retentionPolicy('rpname')
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                |window()
                    .period(period)
                    .every(every)
                |httpOut('TestStream_Window')
            """);
        double[] nums = {97.1, 92.6, 95.6, 93.1, 92.6, 95.8, 92.7, 96.0, 93.4, 95.3};
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < nums.length; i++) {
            values.append(i == 0 ? "" : ",").append("[\"1971-01-01T00:00:0").append(i)
                .append("Z\",\"serverA\",\"idle\",").append(GoJson.formatFloat(nums[i])).append(']');
        }
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"host\",\"type\",\"value\"],"
            + "\"values\":[" + values + "]}]}", out);
    }

    @Test
    void simpleMR() throws Exception {
        String out = runScript("TestStream_SimpleMR", "stream_simple_mr", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                |window()
                    .period(10s)
                    .every(10s)
                |count('value')
                |httpOut('TestStream_SimpleMR')
            """);
        assertEquals("{\"series\":[" + row("cpu", "", "count", "10", "10") + "]}", out);
    }

    @Test
    void groupBy() throws Exception {
        String out = runScript("TestStream_GroupBy", "stream_group_by", """
            stream
                |from()
                    .measurement('errors')
                    .groupBy('service')
                |window()
                    .period(10s)
                    .every(10s)
                |sum('value')
                |httpOut('TestStream_GroupBy')
            """);
        assertEquals("{\"series\":[" + row("errors", "\"service\":\"cartA\"", "sum", "10", "47") + ","
            + row("errors", "\"service\":\"login\"", "sum", "10", "45") + ","
            + row("errors", "\"service\":\"front\"", "sum", "11", "32") + "]}", out);
    }

    @Test
    void groupByMeasurement() throws Exception {
        String out = runScript("TestStream_GroupByMeasurement", "stream_group_by_measurement", """
            stream
                |from()
                    .groupBy('service')
                    .groupByMeasurement()
                |window()
                    .period(10s)
                    .every(10s)
                |sum('value')
                |httpOut('TestStream_GroupByMeasurement')
            """);
        // Kapacitor's test ignores the series order; this order is the one of the groups' first windows.
        for (String expected : List.of(row("errors", "\"service\":\"cartA\"", "sum", "10", "47"),
            row("errors", "\"service\":\"login\"", "sum", "10", "45"),
            row("errors", "\"service\":\"front\"", "sum", "11", "32"),
            row("disk", "\"service\":\"sda\"", "sum", "10", "810"))) {
            assertTrue(out.contains(expected), out);
        }
        assertEquals(4, out.split("\"name\"").length - 1, out);
    }

    @Test
    void defaults() throws Exception {
        String out = runScript("TestStream_Default", "stream_default", """
            stream
                |from()
                    .measurement('cpu')
                |default()
                    .field('value', 1.0)
                    .tag('host', 'serverA')
                |where(lambda: "host" == 'serverA')
                |window()
                    .period(10s)
                    .every(10s)
                |sum('value')
                |httpOut('TestStream_Default')
            """);
        assertEquals("{\"series\":[" + row("cpu", "", "sum", "10", "57") + "]}", out);
    }

    @Test
    void allMeasurements() throws Exception {
        String out = runScript("TestStream_AllMeasurements", "stream_all_measurements", """
            stream
                |from()
                |window()
                    .period(10s)
                    .every(10s)
                |count('value')
                |httpOut('TestStream_AllMeasurements')
            """);
        assertEquals("{\"series\":[" + row("cpu", "", "count", "10", "23") + "]}", out);
    }

    /** Kapacitor's ignoreOrder comparison: the same rows in any order. */
    private static void assertSeriesAnyOrder(String out, String... rows) {
        for (String r : rows) {
            assertTrue(out.contains(r), out);
        }
        assertEquals(rows.length, out.split("\"columns\"").length - 1, out);
    }

    @Test
    void windowCount() throws Exception {
        String out = runScript("TestStream_Window_Count", "stream_window_count", """
            var period = 10
            var every = 10
            stream
                |from()
                    .database('dbname')
                    .retentionPolicy('rpname')
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                |window()
                    .periodCount(period)
                    .everyCount(every)
                |httpOut('TestStream_Window_Count')
            """);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            values.append(i == 0 ? "" : ",").append("[\"1971-01-01T00:00:00Z\",\"serverA\",\"idle\",")
                .append(i + 1).append(']');
        }
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"host\",\"type\",\"value\"],"
            + "\"values\":[" + values + "]}]}", out);
    }

    @Test
    void delete() throws Exception {
        String out = runScript("TestStream_Delete", "stream_delete", """
            stream
                |from()
                    .measurement('cpu')
                |delete()
                    .field('anothervalue')
                    .tag('type')
                |groupBy(*)
                |httpOut('TestStream_Delete')
            """);
        assertSeriesAnyOrder(out, row("cpu", "\"host\":\"serverA\"", "value", "00", "9"),
            row("cpu", "\"host\":\"serverB\"", "value", "00", "6"),
            row("cpu", "\"host\":\"serverC\"", "value", "00", "3"));
    }

    @Test
    void deleteGroupBy() throws Exception {
        String out = runScript("TestStream_Delete_GroupBy", "stream_delete_group_by", """
            stream
                |from()
                    .measurement('cpu')
                    .groupBy('host', 'type')
                |delete()
                    .field('anothervalue')
                    .tag('type')
                |window()
                    .period(2s)
                    .every(2s)
                |sum('value')
                    .as('value')
                |httpOut('TestStream_Delete_GroupBy')
            """);
        assertSeriesAnyOrder(out, row("cpu", "\"host\":\"serverA\"", "value", "02", "18"),
            row("cpu", "\"host\":\"serverB\"", "value", "02", "12"),
            row("cpu", "\"host\":\"serverC\"", "value", "02", "6"));
    }

    @Test
    void derivativeNonNegative() throws Exception {
        String out = runScript("TestStream_DerivativeNN", "stream_derivative_nn", """
            stream
                |from().measurement('packets')
                |derivative('value')
                    .nonNegative()
                |window()
                    .period(10s)
                    .every(10s)
                |mean('value')
                |httpOut('TestStream_DerivativeNN')
            """);
        assertEquals("{\"series\":[" + row("packets", "", "mean", "11", "1") + "]}", out);
    }

    @Test
    void topSelector() throws Exception {
        String out = runScript("TestStream_TopSelector", "stream_top_selector", """
            stream
                |from()
                    .measurement('scores')
                    .groupBy('game', 'player')
                |window()
                    .period(2s)
                    .every(2s)
                    .align()
                |last('value')
                |groupBy('game')
                |top(5, 'last', 'player')
                |httpOut('TestStream_TopSelector')
            """);
        assertEquals("{\"series\":[" + top("g0", "p7", 978, "p10", 957, "p9", 878, "p5", 877, "p15", 791) + ","
            + top("g1", "p19", 926, "p12", 887, "p0", 879, "p15", 872, "p16", 863) + "]}", out);
    }

    private static String top(String game, Object... playerScores) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < playerScores.length; i += 2) {
            values.append(i == 0 ? "" : ",").append("[\"1971-01-01T00:00:04Z\",\"").append(playerScores[i])
                .append("\",").append(playerScores[i + 1]).append(']');
        }
        return "{\"name\":\"scores\",\"tags\":{\"game\":\"" + game + "\"},\"columns\":[\"time\",\"player\",\"top\"],"
            + "\"values\":[" + values + "]}";
    }

    @Test
    void evalAllTypes() throws Exception {
        String out = runScript("TestStream_EvalAllTypes", "stream_eval_all_types", """
            stream
                |from()
                    .measurement('types')
                |eval(lambda: "str" + 'suffix', lambda: !"bool", lambda: "int" + 14, lambda: "float" * 2.0)
                    .as( 'str', 'bool', 'int', 'float')
                |httpOut('TestStream_EvalAllTypes')
            """);
        assertEquals("{\"series\":[{\"name\":\"types\",\"columns\":[\"time\",\"bool\",\"float\",\"int\",\"str\"],"
            + "\"values\":[[\"1971-01-01T00:00:00Z\",true,84,19,\"bobsuffix\"]]}]}", out);
    }

    @Test
    void evalTags() throws Exception {
        String out = runScript("TestStream_Eval_Tags", "stream_eval_tags", """
            stream
                |from()
                    .measurement('types')
                |eval(lambda: string("value"))
                    .as('value')
                    .tags('value')
                |groupBy('value')
                |httpOut('TestStream_Eval_Tags')
            """);
        assertSeriesAnyOrder(out,
            timeOnly("types", "\"value\":\"0\""), timeOnly("types", "\"value\":\"1\""));
    }

    private static String timeOnly(String name, String tags) {
        return "{\"name\":\"" + name + "\",\"tags\":{" + tags + "},\"columns\":[\"time\"],"
            + "\"values\":[[\"1971-01-01T00:00:00Z\"]]}";
    }

    /** stream|from().measurement(m) */
    private static TickObject from(Pipeline p, String measurement) {
        TickObject from = p.chain(p.source(), "from", List.of());
        p.property(from, "measurement", List.of(measurement));
        return from;
    }

    private static TickObject window(Pipeline p, TickObject parent, long period, long every, boolean align) {
        TickObject w = p.chain(parent, "window", List.of());
        p.property(w, "period", List.of(new DurationValue(period)));
        p.property(w, "every", List.of(new DurationValue(every)));
        if (align) {
            p.property(w, "align", List.of());
        }
        return w;
    }

    @Test
    void derivative() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject d = p.chain(from(p, "packets"), "derivative", List.of("value"));
        TickObject mean = p.chain(window(p, d, 10 * S, 10 * S, false), "mean", List.of("value"));
        p.chain(mean, "httpOut", List.of("TestStream_Derivative"));
        assertEquals("{\"series\":[{\"name\":\"packets\",\"columns\":[\"time\",\"mean\"],"
            + "\"values\":[[\"1971-01-01T00:00:11Z\",1]]}]}", run("TestStream_Derivative", "stream_derivative", p));
    }

    @Test
    void elapsed() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject e = p.chain(from(p, "packets"), "elapsed", List.of("value", new DurationValue(S)));
        TickObject max = p.chain(window(p, e, 10 * S, 10 * S, false), "max", List.of("elapsed"));
        p.chain(max, "httpOut", List.of("TestStream_Elapsed"));
        assertEquals("{\"series\":[{\"name\":\"packets\",\"columns\":[\"time\",\"max\"],"
            + "\"values\":[[\"1971-01-01T00:00:11Z\",4]]}]}", run("TestStream_Elapsed", "stream_elapsed", p));
    }

    @Test
    void difference() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject e = p.chain(from(p, "packets"), "difference", List.of("value"));
        TickObject max = p.chain(window(p, e, 10 * S, 10 * S, false), "max", List.of("difference"));
        p.chain(max, "httpOut", List.of("TestStream_Difference"));
        assertEquals("{\"series\":[{\"name\":\"packets\",\"columns\":[\"time\",\"max\"],"
            + "\"values\":[[\"1971-01-01T00:00:11Z\",5]]}]}", run("TestStream_Difference", "stream_difference", p));
    }

    @Test
    void movingAverage() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject m = p.chain(from(p, "packets"), "movingAverage", List.of("value", 4L));
        p.chain(window(p, m, 10 * S, 10 * S, false), "httpOut", List.of("TestStream_MovingAverage"));
        StringBuilder values = new StringBuilder();
        double[] expected = {1001.5, 1005, 1008.5, 1012, 1015.5, 1016.5, 1017.5, 1018.5, 1019.5, 1020.5};
        for (int i = 0; i < expected.length; i++) {
            values.append(i == 0 ? "" : ",").append("[\"1971-01-01T00:00:").append(String.format("%02d", i + 3))
                .append("Z\",").append(kapacitor.runtime.operator.GoJson.formatFloat(expected[i])).append(']');
        }
        assertEquals("{\"series\":[{\"name\":\"packets\",\"columns\":[\"time\",\"movingAverage\"],\"values\":["
            + values + "]}]}", run("TestStream_MovingAverage", "stream_moving_average", p));
    }

    @Test
    void cumulativeSum() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject c = p.chain(from(p, "packets"), "cumulativeSum", List.of("value"));
        p.chain(window(p, c, 10 * S, 10 * S, false), "httpOut", List.of("TestStream_CumulativeSum"));
        int[] expected = {0, 0, 1, 3, 6, 10, 15, 21, 28, 36};
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < expected.length; i++) {
            values.append(i == 0 ? "" : ",").append("[\"1971-01-01T00:00:0").append(i).append("Z\",")
                .append(expected[i]).append(']');
        }
        assertEquals("{\"series\":[{\"name\":\"packets\",\"columns\":[\"time\",\"cumulativeSum\"],\"values\":["
            + values + "]}]}", run("TestStream_CumulativeSum", "stream_cumulative_sum", p));
    }

    @Test
    void sampleCount() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject s = p.chain(from(p, "packets"), "sample", List.of(2L));
        p.chain(window(p, s, 4 * S, 4 * S, true), "httpOut", List.of("TestStream_Sample"));
        assertEquals("{\"series\":[{\"name\":\"packets\",\"columns\":[\"time\",\"value\"],\"values\":["
            + "[\"1971-01-01T00:00:04Z\",1004],[\"1971-01-01T00:00:06Z\",1006]]}]}",
            run("TestStream_Sample", "stream_sample", p));
    }

    @Test
    void statsAndStopAndUnsupportedNode() throws Exception {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject s = p.chain(from(p, "packets"), "sample", List.of(2L));
        p.chain(s, "httpOut", List.of("TestStream_Sample"));
        run("TestStream_Sample", "stream_sample", p);
        TaskStats stats = await(runner.stats("TestStream_Sample"));
        @SuppressWarnings("unchecked")
        var nodes = (java.util.Map<String, java.util.Map<String, Object>>) stats.stats().get("node-stats");
        assertEquals(d("stream_sample"), nodes.get("stream0").get("collected"));
        assertTrue(stats.dotAttributes().contains("stream0 -> from1 [processed=\""));
        await(runner.stop("TestStream_Sample"));
        assertFalse(runner.isExecuting("TestStream_Sample"));

        Pipeline bad = Pipeline.create(EdgeType.STREAM);
        bad.chain(from(bad, "x"), "swarmAutoscale", List.of());
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
            () -> await(runner.start(new TaskSpec("bad", TaskType.STREAM, bad, List.of()))));
        assertTrue(e.getMessage().contains("node type swarm_autoscale is not supported yet"), e.getMessage());
        assertFalse(runner.isExecuting("bad"));
    }

    private static long d(String name) throws Exception {
        return TestData.load(name).points().size();
    }
}
