package kapacitor.api.write;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.runtime.ingest.Frame;
import kapacitor.runtime.ingest.RoutingTable;
import kapacitor.runtime.ingest.TaskInbox;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteRoutesTest {
    private static TestServer server;
    private static Http http;

    /** Frames received by two stand-in tasks: one wants every measurement of mydb.myrp, one only "cpu". */
    private final LinkedBlockingQueue<Frame> allFrames = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Frame> cpuFrames = new LinkedBlockingQueue<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.postgres(Map.of("KAPACITOR_HTTP_MAX_BODY_SIZE", "10000000"));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void tasks() {
        TaskInbox all = inbox("all", allFrames);
        TaskInbox cpu = inbox("cpu", cpuFrames);
        server.root().ingest().install(RoutingTable.of(List.of(
            new RoutingTable.Route(all, List.of(new DbRp("mydb", "myrp")), null),
            new RoutingTable.Route(cpu, List.of(new DbRp("mydb", "myrp"), new DbRp("other", "autogen")),
                Set.of("cpu")))));
    }

    @AfterEach
    void untasks() {
        consumers.forEach(c -> await(c.unregister()));
        server.root().ingest().install(RoutingTable.EMPTY);
    }

    private TaskInbox inbox(String id, LinkedBlockingQueue<Frame> sink) {
        TaskInbox inbox = new TaskInbox(id, "test.task." + id + ".in", 64);
        consumers.add(server.vertx().eventBus().<Frame>localConsumer(inbox.address(), m -> {
            sink.add(m.body());
            m.body().inbox().done();
        }));
        return inbox;
    }

    private static Frame next(LinkedBlockingQueue<Frame> q) throws InterruptedException {
        Frame f = q.poll(10, TimeUnit.SECONDS);
        assertNotNull(f, "a frame was delivered");
        return f;
    }

    @Test
    void goodBodyIs204AndReachesEveryTaskAsOneFrame() throws Exception {
        Http.Response r = await(http.post("/write?db=mydb&rp=myrp",
            "cpu,host=a value=1 1000000000\nmem,host=a free=3i 1000000000\ncpu,host=b value=2 2000000000\n"));
        assertEquals(204, r.status());
        assertEquals(0, r.body().length());
        Frame all = next(allFrames);
        assertEquals(3, all.points().size());
        assertEquals("mydb", all.db());
        assertEquals("myrp", all.rp());
        Frame cpu = next(cpuFrames);
        assertEquals(List.of("cpu", "cpu"), cpu.points().stream().map(Point::name).toList());
        assertEquals(2.0, cpu.points().get(1).fields().get("value"));
        assertEquals(2_000_000_000L, cpu.points().get(1).time());
        assertNull(allFrames.poll(200, TimeUnit.MILLISECONDS), "one frame per request and task");
    }

    @Test
    void kapacitorPathAndPreviewPathAndPrecisionWork() throws Exception {
        assertEquals(204, await(http.post("/kapacitor/v1/write?db=other&rp=autogen&precision=s",
            "cpu value=1 3")).status());
        assertEquals(3_000_000_000L, next(cpuFrames).points().get(0).time());
        assertEquals(204, await(http.post("/kapacitor/v1preview/write?db=other&rp=autogen&precision=ms",
            "cpu value=1 4")).status());
        assertEquals(4_000_000L, next(cpuFrames).points().get(0).time());
        assertTrue(allFrames.isEmpty(), "other.autogen is not subscribed by the 'all' task");
    }

    @Test
    void influxDbSubscriptionRequestIsAccepted() throws Exception {
        // What influxd sends for CREATE SUBSCRIPTION ... 'http://user:pass@host:port': Basic auth, no Content-Type.
        MultiMap h = MultiMap.caseInsensitiveMultiMap()
            .add("Authorization", "Basic " + Base64.getEncoder().encodeToString("user:pass".getBytes()))
            .add("User-Agent", "InfluxDBClient");
        Http.Response r = await(http.request(HttpMethod.POST, "/write?consistency=&db=mydb&precision=ns&rp=myrp",
            Buffer.buffer("cpu,host=x value=5 5\n"), h));
        assertEquals(204, r.status());
        assertEquals(5L, next(allFrames).points().get(0).time());
    }

    @Test
    void malformedLinesAre400ButGoodLinesAreDelivered() throws Exception {
        Http.Response r = await(http.post("/write?db=mydb&rp=myrp",
            "cpu value=1 1\ncpu value= 2\ncpu,host=a value=3 3\nbad\n"));
        assertEquals(400, r.status());
        String error = r.json().getString("error");
        assertTrue(error.startsWith("partial write: unable to parse 'cpu value= 2': "), error);
        assertTrue(error.contains("unable to parse 'bad': missing fields"), error);
        assertTrue(error.endsWith(" dropped=2"), error);
        assertEquals(List.of(1L, 3L), next(allFrames).points().stream().map(Point::time).toList());
    }

    @Test
    void onlyMalformedLinesIs400WithoutPartialWrite() throws Exception {
        Http.Response r = await(http.post("/write?db=mydb&rp=myrp", "cpu"));
        assertEquals(400, r.status());
        assertEquals("{\"error\":\"unable to parse 'cpu': missing fields\"}", r.text());
        assertNull(allFrames.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void missingDatabaseAndBadPrecisionAre400() {
        Http.Response noDb = await(http.post("/write?rp=myrp", "cpu value=1"));
        assertEquals(400, noDb.status());
        assertEquals("database is required", noDb.json().getString("error"));
        Http.Response badPrecision = await(http.post("/write?db=mydb&precision=fortnight", "cpu value=1"));
        assertEquals(400, badPrecision.status());
        assertEquals("invalid precision \"fortnight\"", badPrecision.json().getString("error"));
    }

    @Test
    void gzipBodiesAreInflated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("cpu value=7 7\n".getBytes());
        }
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", "gzip");
        Http.Response r = await(http.request(HttpMethod.POST, "/write?db=mydb&rp=myrp",
            Buffer.buffer(bytes.toByteArray()), h));
        assertEquals(204, r.status());
        assertEquals(7L, next(allFrames).points().get(0).time());
    }

    @Test
    void largeBodyIsParsedOffTheLoopAndStillOneFrame() throws Exception {
        StringBuilder sb = new StringBuilder();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sb.append("cpu,host=h").append(i % 100).append(" value=").append(i).append(' ').append(i).append('\n');
        }
        assertTrue(sb.length() > WriteRoutes.INLINE_PARSE_LIMIT);
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp", sb.toString())).status());
        assertEquals(n, next(allFrames).points().size());
    }

    @Test
    void bodyOverTheLimitIs413() {
        Http.Response r = await(http.post("/write?db=mydb&rp=myrp", "x".repeat(10_000_001)));
        assertEquals(413, r.status());
        assertTrue(r.json().getString("error").contains("10000000"), r.text());
    }

    @Test
    void countersShowInDebugVars() {
        assertEquals(204, await(http.post("/write?db=nobody&rp=x", "cpu value=1 1\ncpu value=2 2")).status());
        var vars = await(http.get("/kapacitor/v1/debug/vars")).json().getJsonObject("kapacitor");
        var ingress = vars.stream().map(e -> (io.vertx.core.json.JsonObject) e.getValue())
            .filter(s -> s.getString("name").equals("ingress")).findFirst().orElseThrow().getJsonObject("values");
        assertTrue(ingress.getLong("pointsWrittenOK") >= 2);
        assertTrue(ingress.getLong("writeReq") >= 1);
    }
    @Test
    void bodyNobodyReadsGetsTheSameAnswersAndCounts() {
        Map<String, Long> before = ingress();
        Http.Response r = await(http.post("/write?db=nobody&rp=x",
            "cpu value=1 1\ncpu value= 2\ncpu,host=a value=3 3\nbad\nmem s=\"x\" 4\n"));
        assertEquals(400, r.status());
        assertEquals("partial write: unable to parse 'cpu value= 2': missing field value\n"
            + "unable to parse 'bad': missing fields dropped=2", r.json().getString("error"));
        Map<String, Long> after = ingress();
        assertEquals(3, after.get("pointsWrittenOK") - before.get("pointsWrittenOK"));
        assertEquals(2, after.get("pointsWrittenFail") - before.get("pointsWrittenFail"));
        assertEquals(before.get("framesSent"), after.get("framesSent"));
        Http.Response onlyBad = await(http.post("/write?db=nobody&rp=x", "cpu"));
        assertEquals("{\"error\":\"unable to parse 'cpu': missing fields\"}", onlyBad.text());
    }

    @Test
    void recordingSeesPointsNoTaskWants() throws Exception {
        LinkedBlockingQueue<List<Point>> seen = new LinkedBlockingQueue<>();
        kapacitor.runtime.ingest.IngestRouter.PointListener listener = (db, rp, points) -> seen.add(points);
        server.root().ingest().addListener(listener);
        try {
            assertEquals(204, await(http.post("/write?db=nobody&rp=x", "cpu value=1 1\ncpu value=2 2")).status());
            List<Point> points = seen.poll(10, TimeUnit.SECONDS);
            assertNotNull(points);
            assertEquals(List.of(1L, 2L), points.stream().map(Point::time).toList());
        } finally {
            server.root().ingest().removeListener(listener);
        }
    }

    private static Map<String, Long> ingress() {
        var vars = await(http.get("/kapacitor/v1/debug/vars")).json().getJsonObject("kapacitor");
        var values = vars.stream().map(e -> (io.vertx.core.json.JsonObject) e.getValue())
            .filter(s -> s.getString("name").equals("ingress")).findFirst().orElseThrow().getJsonObject("values");
        Map<String, Long> out = new java.util.HashMap<>();
        values.forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).longValue()));
        return out;
    }
}
