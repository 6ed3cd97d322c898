package kapacitor.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.model.TaskType;
import kapacitor.runtime.operator.NodeServices;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static kapacitor.runtime.StreamerHarness.S;
import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.await;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kapacitor's httpPost and kapacitorLoopback streamer tests; httpPost against a local HTTP server on 127.0.0.1. */
class StreamerOutputNodesTest {
    private static final double[] VALUES = {97.1, 92.6, 95.6, 93.1, 92.6, 95.8};

    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> headers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> uris = Collections.synchronizedList(new ArrayList<>());
    private Vertx serverVertx;
    private StreamerHarness h;

    @BeforeEach
    void setUp() {
        serverVertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            h.close();
        }
        serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A server recording bodies and headers, answering the given status codes in turn (then 200). */
    private String server(int... codes) throws Exception {
        AtomicInteger n = new AtomicInteger();
        HttpServer server = serverVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            uris.add(req.uri());
            bodies.add(b.toString());
            headers.add(req.getHeader("my") + "|" + req.getHeader("Content-Type"));
            int i = n.getAndIncrement();
            req.response().setStatusCode(i < codes.length ? codes[i] : 200).end();
        }));
        await(server.listen(0, "127.0.0.1"));
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void awaitRequests(int count) throws Exception {
        long deadline = System.nanoTime() + 10 * S;
        while (bodies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void httpPost() throws Exception {
        String url = server();
        h = new StreamerHarness();
        String out = h.run("TestStream_HttpPost", "stream_http_post", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |httpPost('%s')
                |httpOut('TestStream_HttpPost')
            """.formatted(url));
        var tags = tags("host", "serverA", "type", "idle");
        assertEquals(result(row("cpu", tags, columns("value"), at(5, 95.8))), out);
        awaitRequests(6);
        assertEquals(6, bodies.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(result(row("cpu", tags, columns("value"), at(i, VALUES[i]))) + "\n", bodies.get(i));
        }
        assertEquals("null|application/json", headers.get(0));
    }

    @Test
    void httpPostUrlTemplate() throws Exception {
        String url = server();
        h = new StreamerHarness();
        String out = h.run("TestStream_HttpPost_URL_Template", "stream_http_post_url_template", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |httpPost('%s/{{ .Name }}/?host={{ index .Tags "host"}}&cpu={{ index .Tags "cpu" }}')
                |httpOut('TestStream_HttpPost_URL_Template')
            """.formatted(url));
        String[] cpus = {"a", "b", "b", "c", "c", "a"};
        assertEquals(result(row("cpu", tags("host", "serverA", "type", "idle", "cpu", "a"), columns("value"),
            at(5, 95.8))), out);
        awaitRequests(6);
        assertEquals(6, bodies.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(result(row("cpu", tags("host", "serverA", "type", "idle", "cpu", cpus[i]), columns("value"),
                at(i, VALUES[i]))) + "\n", bodies.get(i));
            assertEquals("/cpu/?host=serverA&cpu=" + cpus[i], uris.get(i));
        }
    }

    private static final String ENDPOINT_SCRIPT = """
        stream
            |from()
                .measurement('cpu')
                .where(lambda: "host" == 'serverA')
                .groupBy('host')
            |httpPost()
              .endpoint('test')
              .header('my', 'header')
            |httpOut('TestStream_HttpPost')
        """;

    @Test
    void httpPostEndpoint() throws Exception {
        String url = server();
        h = new StreamerHarness(Map.of("test", new NodeServices.HttpPostEndpoint(url, Map.of())));
        String out = h.run("TestStream_HttpPost", "stream_http_post", ENDPOINT_SCRIPT);
        var tags = tags("host", "serverA", "type", "idle");
        assertEquals(result(row("cpu", tags, columns("value"), at(5, 95.8))), out);
        awaitRequests(6);
        assertEquals(6, bodies.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(result(row("cpu", tags, columns("value"), at(i, VALUES[i]))) + "\n", bodies.get(i));
            assertEquals("header|application/json", headers.get(i));
        }
    }

    @Test
    void httpPostEndpointCustomBody() throws Exception {
        String url = server();
        h = new StreamerHarness(Map.of("test", new NodeServices.HttpPostEndpoint(url, Map.of(),
            "{{.Name}} host={{index .Tags \"host\"}} type={{index .Tags \"type\"}}"
                + "{{range .Values}} {{index . \"time\"}} {{index . \"value\"}}{{end}}")));
        String out = h.run("TestStream_HttpPost", "stream_http_post", ENDPOINT_SCRIPT);
        assertEquals(result(row("cpu", tags("host", "serverA", "type", "idle"), columns("value"), at(5, 95.8))), out);
        awaitRequests(6);
        assertEquals(6, bodies.size());
        for (int i = 0; i < 6; i++) {
            assertEquals("cpu host=serverA type=idle 1971-01-01 00:00:0" + i + " +0000 UTC "
                + kapacitor.runtime.operator.GoJson.formatFloat(VALUES[i]), bodies.get(i));
            assertTrue(headers.get(i).startsWith("header|"), headers.get(i));
        }
    }

    @Test
    void httpPostEndpointStatusCodes() throws Exception {
        String url = server(200, 201, 404, 403, 500, 502);
        h = new StreamerHarness(Map.of("test", new NodeServices.HttpPostEndpoint(url, Map.of())));
        String name = "TestStream_HttpPost";
        h.start(name, "stream_http_post", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |httpPost()
                  .endpoint('test')
                  .header('my', 'header')
                  .codeField('code')
                |window()
                    .every(5s)
                    .period(5s)
                |httpOut('TestStream_HttpPost')
            """);
        // The points wait for their responses: poll until the window has them.
        String expected = result(row("cpu", tags("host", "serverA"), columns("code", "type", "value"),
            at(0, 200L, "idle", 97.1), at(1, 201L, "idle", 92.6), at(2, 404L, "idle", 95.6),
            at(3, 403L, "idle", 93.1), at(4, 500L, "idle", 92.6)));
        String out = "";
        long deadline = System.nanoTime() + 10 * S;
        while (System.nanoTime() < deadline) {
            try {
                out = h.httpOut(name, name);
                if (out.equals(expected)) {
                    break;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // No row yet.
            }
            Thread.sleep(10);
        }
        assertEquals(expected, out);
        awaitRequests(6);
        assertEquals(6, bodies.size());
        assertEquals("header|application/json", headers.get(5));
    }

    @Test
    void kapacitorLoopback() throws Exception {
        h = new StreamerHarness();
        await(h.runner.start(new TaskSpec("KapacitorLoopback-Loop", TaskType.STREAM, TickCompiler.compileTask("""
            stream
                |from()
                    .measurement('cpu')
                |kapacitorLoopback()
                    .database('new-dbname')
                    .retentionPolicy('new-rpname')
            """, TaskType.STREAM, Map.of()), List.of(new DbRp("dbname", "rpname")))));
        await(h.runner.start(new TaskSpec("KapacitorLoopback-Count", TaskType.STREAM, TickCompiler.compileTask("""
            stream
                |from()
                    .measurement('cpu')
                |window()
                    .every(10s)
                    .period(10s)
                |count('value')
                |httpOut('TestStream_KapacitorLoopback')
            """, TaskType.STREAM, Map.of()), List.of(new DbRp("new-dbname", "new-rpname")))));
        long[] seconds = {0, 1, 2, 9, 10, 11, 15};
        double[] values = {45, 25, 23, 78, 97, 62, 32};
        for (int i = 0; i < seconds.length; i++) {
            h.router.route("dbname", "rpname", List.of(new Point("cpu", "dbname", "rpname", Tags.EMPTY,
                Fields.of("value", values[i]), T0 + seconds[i] * S)));
        }
        h.waitIdle("KapacitorLoopback-Loop");
        h.waitIdle("KapacitorLoopback-Count");
        assertEquals(result(row("cpu", tags(), columns("count"), at(10, 4L))),
            h.httpOut("KapacitorLoopback-Count", "TestStream_KapacitorLoopback"));
        TaskStats stats = await(h.runner.stats("KapacitorLoopback-Loop"));
        assertTrue(stats.stats().toString().contains("points_written=7"), stats.stats().toString());
    }

    @Test
    void kapacitorLoopbackPreventsALoop() throws Exception {
        h = new StreamerHarness();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> await(h.runner.start(
            new TaskSpec("KapacitorLoopbackWithLoop", TaskType.STREAM, TickCompiler.compileTask("""
                stream
                    |from()
                        .measurement('cpu')
                        .where(lambda: "host" == 'serverA')
                    |kapacitorLoopback()
                        .database('dbname')
                        .retentionPolicy('rpname')
                """, TaskType.STREAM, Map.of()), List.of(new DbRp("dbname", "rpname"))))));
        assertTrue(e.getMessage().contains("loop detected on dbrp: {dbname rpname}"), e.getMessage());
    }

    @Test
    void statsNodeEmitsTheWatchedNodesGroupCountsOnTheWallClock() throws Exception {
        h = new StreamerHarness();
        String name = "TestStream_Stats";
        h.start(name, "stream_http_post", """
            var data = stream
                |from()
                    .measurement('cpu')
                    .groupBy('host')
            data
                |stats(20ms)
                |httpOut('TestStream_Stats')
            """);
        // A tick before the data gives an ungrouped row with 0 first; the group's row must reach 6.
        java.util.regex.Pattern expected = java.util.regex.Pattern.compile("\\{\"name\":\"stats\",\"tags\":"
            + "\\{\"host\":\"serverA\"},\"columns\":\\[\"time\",\"emitted\"],\"values\":\\[\\[\"[0-9T:.Z-]+\",6]]}]}$");
        String out = "";
        long deadline = System.nanoTime() + 10 * S;
        while (!expected.matcher(out).find() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            try {
                out = h.httpOut(name, name);
            } catch (java.util.concurrent.ExecutionException e) {
                // No stats point yet.
            }
        }
        assertTrue(expected.matcher(out).find(), out);
    }
}
