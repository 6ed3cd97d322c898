package kapacitor.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import kapacitor.app.Codecs;
import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.TaskType;
import kapacitor.model.Tags;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalTaskRunnerTest {
    private static final DbRp DBRP = new DbRp("db", "rp");

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

    private static TaskSpec spec(String id, String script) {
        return new TaskSpec(id, TaskType.STREAM, TickCompiler.compileTask(script, TaskType.STREAM, Map.of()),
            List.of(DBRP));
    }

    @Test
    void routesOnlyTheMeasurementsOfFromNodes() {
        assertEquals(Set.of("cpu", "mem"), LocalTaskRunner.measurements(spec("t",
            "var s = stream\ns|from().measurement('cpu')|httpOut('a')\ns|from().measurement('mem')|httpOut('b')")));
        assertNull(LocalTaskRunner.measurements(spec("t", "stream|from().measurement('cpu')\nstream|from()")));
    }

    @Test
    void startInstallsARouteAndStopRemovesIt() throws Exception {
        assertTrue(router.table().isEmpty());
        await(runner.start(spec("t1", "stream|from().measurement('cpu')|httpOut('out')")));
        assertTrue(runner.isExecuting("t1"));
        assertFalse(router.table().isEmpty());

        router.route("db", "rp", List.of(new Point("cpu", "db", "rp", Tags.of("host", "a"), Fields.of("v", 1.0), 5),
            new Point("mem", "db", "rp", Tags.EMPTY, Fields.of("v", 2.0), 6)));
        while (!await(runner.idle("t1"))) {
            Thread.onSpinWait();
        }
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"a\"},\"columns\":[\"time\",\"v\"],"
            + "\"values\":[[\"1970-01-01T00:00:00.000000005Z\",1]]}]}", await(runner.httpOut("t1", "out")).toString());

        TaskStats stats = await(runner.stats("t1"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) stats.stats().get("node-stats");
        assertEquals(1L, nodes.get("stream0").get("collected"));
        assertEquals(1L, nodes.get("http_out2").get("collected"));
        assertTrue(stats.dotLabels().contains("stream0 -> from1 [label=\"processed=1\"];"), stats.dotLabels());

        await(runner.stop("t1"));
        assertFalse(runner.isExecuting("t1"));
        assertTrue(router.table().isEmpty());
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(runner.httpOut("t1", "out")));
        assertEquals(404, assertInstanceOf(ReplyException.class, e.getCause()).failureCode());
    }

    /** A replay's copy has its own addresses: points offered to it never reach the live task, and both run. */
    @Test
    void replayCopyRunsBesideTheLiveTask() throws Exception {
        TaskSpec spec = spec("t3", "stream|from().measurement('cpu')|httpOut('out')");
        await(runner.start(spec));
        LocalTaskRunner.ReplayRun copy = await(runner.startReplay("r1", spec));
        assertTrue(copy.addressPrefix().startsWith("kapacitor.replay.r1."), copy.addressPrefix());
        assertTrue(copy.offer("db", "rp",
            List.of(new Point("cpu", "db", "rp", Tags.EMPTY, Fields.of("v", 1.0), 5))));
        while (!await(copy.idle())) {
            Thread.onSpinWait();
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> replayed =
            (Map<String, Map<String, Object>>) await(copy.stats()).stats().get("node-stats");
        assertEquals(1L, replayed.get("http_out2").get("collected"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> live =
            (Map<String, Map<String, Object>>) await(runner.stats("t3")).stats().get("node-stats");
        assertEquals(0L, live.get("http_out2").get("collected"));

        await(copy.stop());
        assertFalse(copy.isExecuting());
        assertTrue(runner.isExecuting("t3"));
    }

    @Test
    void badNodeConfigurationFailsTheStart() {
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> await(runner.start(spec("t2", "stream|from()|shift(0s)"))));
        assertEquals("invalid shift value: must be non zero duration", e.getCause().getMessage());
        assertFalse(runner.isExecuting("t2"));
        assertTrue(router.table().isEmpty());
    }
}
