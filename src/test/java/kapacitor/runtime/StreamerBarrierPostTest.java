package kapacitor.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.model.TaskType;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static kapacitor.runtime.StreamerHarness.await;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kapacitor's TestStream_Barrier_* tests that post windows to an HTTP server, on the real clock as in Kapacitor (its
 * barriers use the wall clock) but with one of its seconds scaled to {@link #STEP}. Points are stamped relative to the
 * wall clock as in the Go tests; where a Go test counts requests after sleeping, the requests that cannot depend on
 * the sleep's length are checked.
 */
class StreamerBarrierPostTest {
    /** One second of the Go tests. */
    private static final long STEP = 50_000_000L;
    private static final long S = StreamerHarness.S;
    private static final String TASK = "barrier";

    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private Vertx serverVertx;
    private StreamerHarness h;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        serverVertx = Vertx.vertx();
        HttpServer server = serverVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            bodies.add(b.toString());
            req.response().end();
        }));
        await(server.listen(0, "127.0.0.1"));
        url = "http://127.0.0.1:" + server.actualPort();
        h = new StreamerHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
        await(serverVertx.close());
    }

    /** The Go tests' script; durations in Go-test seconds. */
    private void start(String barrier, double barrierSeconds, int periodSeconds, int everySeconds) throws Exception {
        String script = """
            stream
                |from()
                    .database('dbname')
                    .retentionPolicy('rpname')
                    .measurement('cpu')
                |barrier().%s(%dms)
                |window()
                    .period(%dms)
                    .every(%dms)
                |httpPost('%s')
            """.formatted(barrier, Math.round(barrierSeconds * STEP / 1e6), periodSeconds * STEP / 1_000_000,
            everySeconds * STEP / 1_000_000, url);
        await(h.runner.start(new TaskSpec(TASK, TaskType.STREAM, TickCompiler.compileTask(script, TaskType.STREAM,
            Map.of()), List.of(new DbRp("dbname", "rpname")))));
    }

    /** n points a step apart, the first at {@code zero}, written in one go: no barrier falls between them. */
    private Object[][] write(long zero, int n) throws Exception {
        Object[][] values = new Object[n][];
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = i * 1.5;
            values[i] = new Object[] {zero + i * STEP, v};
            points.add(new Point("cpu", "dbname", "rpname", Tags.EMPTY, Fields.of("value", v), zero + i * STEP));
        }
        h.router.route("dbname", "rpname", points);
        h.waitIdle(TASK);
        return values;
    }

    private void awaitRequests(int count) throws Exception {
        long deadline = System.nanoTime() + 20 * S;
        while (bodies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(bodies.size() >= count, "requests: " + bodies);
    }

    private static String body(Object[][] values, int from, int to) {
        return result(row("cpu", tags(), columns("value"), Arrays.copyOfRange(values, from, to))) + "\n";
    }

    /** The Go tests' 21 points, starting 22 seconds ago. */
    private Object[][] write21() throws Exception {
        return write(System.currentTimeMillis() * 1_000_000L - 22 * STEP, 21);
    }

    private void stop() throws Exception {
        await(h.runner.stop(TASK));
    }

    @Test
    void idleNoData() throws Exception {
        start("idle", 2, 14, 2);
        Object[][] values = write(System.currentTimeMillis() * 1_000_000L, 1);
        // Each idle barrier closes a window that still holds the one point.
        awaitRequests(2);
        assertEquals(body(values, 0, 1), bodies.get(0));
        assertEquals(body(values, 0, 1), bodies.get(1));
    }

    @Test
    void idleNoIdle() throws Exception {
        // The task stops long before the barrier would go idle: the last window never closes.
        start("idle", 200, 14, 10);
        Object[][] values = write21();
        awaitRequests(2);
        stop();
        assertEquals(List.of(body(values, 0, 10), body(values, 6, 20)), List.copyOf(bodies));
    }

    @Test
    void idleReplayAfterIdle() throws Exception {
        start("idle", 10, 14, 10);
        Object[][] values = write21();
        awaitRequests(3);
        assertEquals(List.of(body(values, 0, 10), body(values, 6, 20), body(values, 16, 21)),
            List.copyOf(bodies).subList(0, 3));
        // The same points again are older than the barrier: none of them reaches a window.
        long zero = (Long) values[0][0];
        write(zero, 21);
        stop();
        for (String b : List.copyOf(bodies).subList(3, bodies.size())) {
            assertFalse(b.contains("values"), b);
        }
    }

    @Test
    void periodNoData() throws Exception {
        start("period", 2.1, 14, 2);
        Object[][] values = write(System.currentTimeMillis() * 1_000_000L, 1);
        awaitRequests(2);
        assertEquals(body(values, 0, 1), bodies.get(0));
        assertEquals(body(values, 0, 1), bodies.get(1));
    }

    @Test
    void period() throws Exception {
        start("period", 10, 14, 10);
        Object[][] values = write21();
        awaitRequests(3);
        assertEquals(List.of(body(values, 0, 10), body(values, 6, 20), body(values, 16, 21)),
            List.copyOf(bodies).subList(0, 3));
    }

    @Test
    void periodNoIdle() throws Exception {
        start("period", 200, 14, 10);
        Object[][] values = write21();
        awaitRequests(2);
        stop();
        assertEquals(List.of(body(values, 0, 10), body(values, 6, 20)), List.copyOf(bodies));
    }

    @Test
    void periodReplayAfterIdle() throws Exception {
        start("period", 10, 14, 10);
        Object[][] values = write21();
        awaitRequests(3);
        assertEquals(List.of(body(values, 0, 10), body(values, 6, 20), body(values, 16, 21)),
            List.copyOf(bodies).subList(0, 3));
        write((Long) values[0][0], 21);
        stop();
        for (String b : List.copyOf(bodies).subList(3, bodies.size())) {
            assertFalse(b.contains("values"), b);
        }
    }
}
