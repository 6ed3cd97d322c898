package kapacitor.api.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.InfluxDbServer;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch and query recordings and replays over HTTP against a real influxd: Kapacitor's TestServer_RecordReplayBatch,
 * TestServer_ReplayBatch, TestServer_RecordReplayQuery, TestServer_ReplayQuery and TestServer_RecordReplayQuery_Missing
 * with their data written into influxd, plus the error answers.
 */
class BatchRecordingRoutesTest {
    private static final String T0 = "1971-01-01T00:00:0";
    /** 1971-01-01T00:00:00Z in seconds. */
    private static final long S1971 = 31_536_000L;
    private static final String BATCH_SCRIPT = "batch\n    |query('SELECT value from mydb.myrp.cpu')\n"
        + "        .period(2s)\n        .every(2s)\n    |alert()\n        .id('test-batch')\n"
        + "        .message('{{ .ID }} got: {{ index .Fields \"value\" }}')\n        .crit(lambda: \"value\" > 2.0)\n"
        + "        .log('%s')\n";

    private static InfluxDbServer influxd;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        influxd = InfluxDbServer.start();
        influxd.query("CREATE DATABASE mydb");
        influxd.query("CREATE RETENTION POLICY myrp ON mydb DURATION INF REPLICATION 1");
        StringBuilder cpu = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            // Three parts so a query grouped by part answers with Kapacitor's test's three series.
            cpu.append("cpu,part=p").append(i / 2).append(" value=").append(i).append(' ').append(S1971 + i)
                .append('\n');
        }
        influxd.write("mydb&rp=myrp&precision=s", cpu.toString());
        influxd.write("mydb&rp=myrp&precision=s", String.join("\n",
            "m a=1 " + (S1971 + 1), "m b=2 " + (S1971 + 2), "m,t1=3 a=3,b=3 " + (S1971 + 3),
            "m,t2=4 a=4,b=4 " + (S1971 + 4), "m,t1=5 a=5,b=5 " + (S1971 + 5), "m,t1=6 b=6 " + (S1971 + 6),
            "m,t2=7 b=7 " + (S1971 + 7), "m b=10 " + (S1971 + 10), "m a=11 " + (S1971 + 11), ""));
        Path conf = Files.createTempFile("kapacitor", ".conf");
        Files.writeString(conf, String.join("\n",
            "[[influxdb]]",
            "  enabled = true",
            "  default = true",
            "  name = \"local\"",
            "  urls = [\"http://127.0.0.1:" + influxd.port() + "\"]",
            "  disable-subscriptions = true", ""));
        server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    private static void createTask(String id, String type, String script) {
        JsonObject task = new JsonObject().put("id", id).put("type", type)
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
            .put("script", script).put("status", "disabled");
        Http.Response r = await(http.post("/kapacitor/v1/tasks", task));
        assertEquals(200, r.status(), r.text());
    }

    private static Path batchTask(String id) throws Exception {
        Path log = Files.createTempDirectory("replay").resolve("alert.log");
        createTask(id, "batch", String.format(BATCH_SCRIPT, log));
        return log;
    }

    private static Http.Response poll(String uri) throws InterruptedException {
        Http.Response r = null;
        for (int i = 0; i < 400; i++) {
            r = await(http.get(uri));
            if (r.status() != 202) {
                return r;
            }
            Thread.sleep(25);
        }
        return r;
    }

    private static void assertError(Http.Response r, int status, String text) {
        assertEquals(status, r.status(), r.text());
        assertEquals(text, r.json().getString("error"));
    }

    private static JsonObject finished(String uri) throws InterruptedException {
        Http.Response done = poll(uri);
        assertEquals(200, done.status(), done.text());
        assertEquals("finished", done.json().getString("status"), done.text());
        assertEquals("", done.json().getString("error"));
        assertTrue(done.text().matches("(?s).*\"progress\": 1[,\n].*"), done.text());
        return done.json();
    }

    private static JsonObject failed(String uri) throws InterruptedException {
        Http.Response done = poll(uri);
        assertEquals(200, done.status(), done.text());
        assertEquals("failed", done.json().getString("status"), done.text());
        return done.json();
    }

    private static List<JsonObject> alerts(Path log) throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            out.add(new JsonObject(line));
        }
        return out;
    }

    /** The two alerts every batch test of Kapacitor's expects: values 2,3 then 4,5, at the batches' times. */
    private static void assertBatchAlerts(Path log, JsonObject tags2, JsonObject tags4) throws Exception {
        List<JsonObject> got = alerts(log);
        assertEquals(2, got.size(), got.toString());
        assertAlert(got.get(0), "test-batch got: 3", T0 + "3Z", tags2, 2);
        assertAlert(got.get(1), "test-batch got: 4", T0 + "4Z", tags4, 4);
    }

    private static void assertAlert(JsonObject a, String message, String time, JsonObject tags, int first) {
        assertEquals("test-batch", a.getString("id"));
        assertEquals(message, a.getString("message"));
        assertEquals(time, a.getString("time"));
        assertEquals("CRITICAL", a.getString("level"));
        JsonObject series = a.getJsonObject("data").getJsonArray("series").getJsonObject(0);
        assertEquals("cpu", series.getString("name"));
        assertEquals(tags, series.getJsonObject("tags"));
        assertEquals(new JsonArray().add("time").add("value"), series.getJsonArray("columns"));
        assertEquals(new JsonArray()
            .add(new JsonArray().add(T0 + first + "Z").add((double) first))
            .add(new JsonArray().add(T0 + (first + 1) + "Z").add((double) (first + 1))),
            series.getJsonArray("values"));
    }

    @Test
    void recordBatchThenReplayItThroughTheTask() throws Exception {
        Path log = batchTask("rbTask");
        Http.Response created = await(http.post("/kapacitor/v1/recordings/batch", new JsonObject()
            .put("id", "rbrec").put("task", "rbTask").put("start", T0 + "0Z").put("stop", T0 + "6Z")));
        assertEquals(201, created.status(), created.text());
        JsonObject rec = created.json();
        assertEquals("/kapacitor/v1/recordings/rbrec", rec.getJsonObject("link").getString("href"));
        assertEquals("batch", rec.getString("type"));
        assertEquals("running", rec.getString("status"));
        assertEquals("[link, id, type, size, date, error, status, progress]", rec.fieldNames().toString());

        JsonObject done = finished("/kapacitor/v1/recordings/rbrec");
        assertEquals("batch", done.getString("type"));
        assertTrue(done.getLong("size") > 0, done.encode());
        try (var files = Files.walk(server.dataDir())) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().equals("rbrec.brpl")).count());
        }

        Http.Response replay = await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "rbreplay")
            .put("task", "rbTask").put("recording", "rbrec").put("clock", "fast").put("recording-time", true)));
        assertEquals(201, replay.status(), replay.text());
        assertEquals("rbTask", replay.json().getString("task"));
        JsonObject played = finished("/kapacitor/v1/replays/rbreplay");
        JsonObject query = played.getJsonObject("stats").getJsonObject("node-stats").getJsonObject("query1");
        assertEquals(3L, query.getLong("collected"), played.encode());
        assertEquals(3L, query.getLong("emitted"), played.encode());
        // The copy got its batches from the recording: it queried nothing itself.
        assertEquals(0L, query.getLong("batches_queried"), played.encode());
        assertBatchAlerts(log, null, null);

        assertEquals(1, await(http.get("/kapacitor/v1/recordings?pattern=rbrec")).json()
            .getJsonArray("recordings").size());
        assertEquals(204, await(http.delete("/kapacitor/v1/recordings/rbrec")).status());
        assertEquals(0, await(http.get("/kapacitor/v1/recordings?pattern=rbrec")).json()
            .getJsonArray("recordings").size());
        try (var files = Files.walk(server.dataDir())) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().equals("rbrec.brpl")).count());
        }
        assertEquals(204, await(http.delete("/kapacitor/v1/replays/rbreplay")).status());
        assertEquals(0, await(http.get("/kapacitor/v1/replays?pattern=rbreplay")).json()
            .getJsonArray("replays").size());
    }

    @Test
    void replayBatchRecordsAndReplaysInOneStep() throws Exception {
        Path log = batchTask("lbTask");
        Http.Response replay = await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("id", "lbreplay")
            .put("task", "lbTask").put("start", T0 + "0Z").put("stop", T0 + "6Z").put("clock", "fast")
            .put("recording-time", true)));
        assertEquals(201, replay.status(), replay.text());
        JsonObject rp = replay.json();
        assertEquals("/kapacitor/v1/replays/lbreplay", rp.getJsonObject("link").getString("href"));
        assertEquals("", rp.getString("recording"));
        assertEquals("[link, id, task, recording, recording-time, clock, date, error, status, progress, stats]",
            rp.fieldNames().toString());
        finished("/kapacitor/v1/replays/lbreplay");
        assertBatchAlerts(log, null, null);
        assertEquals(0, await(http.get("/kapacitor/v1/recordings?pattern=lb*")).json()
            .getJsonArray("recordings").size());
        try (var files = Files.walk(server.dataDir())) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("replay-")
                && f.getParent().getFileName().toString().equals(".live")).count());
        }
    }

    /** Without recording-time the batches move so the first point lands on the replay's start (now). */
    @Test
    void replayBatchShiftsToNowWithoutRecordingTime() throws Exception {
        Path log = batchTask("shTask");
        long before = System.currentTimeMillis();
        assertEquals(201, await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("id", "shreplay")
            .put("task", "shTask").put("start", T0 + "0Z").put("stop", T0 + "6Z"))).status());
        finished("/kapacitor/v1/replays/shreplay");
        List<JsonObject> got = alerts(log);
        assertEquals(2, got.size(), got.toString());
        long t = java.time.Instant.parse(got.get(0).getString("time")).toEpochMilli();
        assertTrue(t >= before + 3000 - 5 && t < System.currentTimeMillis() + 3000 + 5, got.toString());
    }

    /** One archive per query node: each node of the copy gets its own query's batches. */
    @Test
    void recordBatchOfTwoQueriesFeedsEachItsOwn() throws Exception {
        createTask("twoTask", "batch", "var a = batch\n    |query('SELECT value from mydb.myrp.cpu')\n"
            + "        .period(2s)\n        .every(2s)\nvar b = batch\n    |query('SELECT a, b from mydb.myrp.m')\n"
            + "        .period(6s)\n        .every(6s)\na\n    |httpOut('a')\nb\n    |httpOut('b')\n");
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("id", "tworec")
            .put("task", "twoTask").put("start", T0 + "0Z").put("stop", T0 + "6Z"))).status());
        finished("/kapacitor/v1/recordings/tworec");
        assertEquals(201, await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "tworeplay")
            .put("task", "twoTask").put("recording", "tworec").put("recording-time", true))).status());
        JsonObject stats = finished("/kapacitor/v1/replays/tworeplay").getJsonObject("stats")
            .getJsonObject("node-stats");
        assertEquals(3L, stats.getJsonObject("http_out3").getLong("collected"), stats.encode());
        // [0s, 6s) of m: one batch of the points at 1..5 s.
        assertEquals(1L, stats.getJsonObject("http_out4").getLong("collected"), stats.encode());
    }

    /** More batches than the replay reads or sends at once: every one reaches the task, in time order. */
    @Test
    void manyBatchesAllGoThrough() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            lines.append("load,host=h").append(i).append(" value=").append(i).append(' ').append(S1971 + i)
                .append('\n');
        }
        influxd.write("mydb&rp=myrp&precision=s", lines.toString());
        createTask("manyTask", "batch", "batch\n    |query('SELECT value FROM mydb.myrp.load')\n"
            + "        .period(1h)\n        .every(1h)\n        .groupBy('host')\n    |httpOut('out')\n");
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("id", "manyrec")
            .put("query", "SELECT value FROM mydb.myrp.load GROUP BY host").put("type", "batch"))).status());
        finished("/kapacitor/v1/recordings/manyrec");
        assertEquals(201, await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "manyreplay")
            .put("task", "manyTask").put("recording", "manyrec").put("recording-time", true))).status());
        JsonObject stats = finished("/kapacitor/v1/replays/manyreplay").getJsonObject("stats")
            .getJsonObject("node-stats");
        assertEquals(700L, stats.getJsonObject("query1").getLong("emitted"), stats.encode());
        assertEquals(700L, stats.getJsonObject("http_out2").getLong("collected"), stats.encode());
    }

    /** The real clock waits for each batch's last point time, shifted to now. */
    @Test
    void realClockReplayWaitsForTheBatches() throws Exception {
        Path log = batchTask("rcTask");
        long before = System.currentTimeMillis();
        assertEquals(201, await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("id", "rcreplay")
            .put("task", "rcTask").put("start", T0 + "0Z").put("stop", T0 + "6Z").put("clock", "real"))).status());
        Thread.sleep(1500);
        assertEquals(202, await(http.get("/kapacitor/v1/replays/rcreplay")).status());
        // While it runs, the copy's stats are the task's with the replay's id.
        Http.Response inReplay = await(http.get("/kapacitor/v1/tasks/rcTask?replay-id=rcreplay"));
        assertEquals(200, inReplay.status(), inReplay.text());
        finished("/kapacitor/v1/replays/rcreplay");
        long took = System.currentTimeMillis() - before;
        assertTrue(took >= 5000 - 50, "took " + took);
        List<JsonObject> got = alerts(log);
        assertEquals(2, got.size(), got.toString());
        long t = java.time.Instant.parse(got.get(1).getString("time")).toEpochMilli();
        assertTrue(Math.abs(t - (before + 5000)) < 1000, got.toString());
    }

    @Test
    void recordQueryBatchThenReplay() throws Exception {
        Path log = batchTask("rqTask");
        Http.Response created = await(http.post("/kapacitor/v1/recordings/query", new JsonObject()
            .put("id", "rqrec").put("query", "SELECT value from mydb.myrp.cpu GROUP BY part").put("type", "batch")));
        assertEquals(201, created.status(), created.text());
        assertEquals("batch", created.json().getString("type"));
        finished("/kapacitor/v1/recordings/rqrec");
        assertEquals(201, await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "rqreplay")
            .put("task", "rqTask").put("recording", "rqrec").put("recording-time", true))).status());
        finished("/kapacitor/v1/replays/rqreplay");
        assertBatchAlerts(log, new JsonObject().put("part", "p1"), new JsonObject().put("part", "p2"));
    }

    @Test
    void replayQueryRecordsAndReplaysInOneStep() throws Exception {
        Path log = batchTask("lqTask");
        assertEquals(201, await(http.post("/kapacitor/v1/replays/query", new JsonObject().put("id", "lqreplay")
            .put("task", "lqTask").put("query", "SELECT value from mydb.myrp.cpu GROUP BY part")
            .put("recording-time", true).put("clock", "fast"))).status());
        finished("/kapacitor/v1/replays/lqreplay");
        assertBatchAlerts(log, new JsonObject().put("part", "p1"), new JsonObject().put("part", "p2"));
    }

    /** TestServer_RecordReplayQuery_Missing: a stream query recording puts the series' points in time order. */
    @Test
    void recordQueryStreamThenReplayThroughAStreamTask() throws Exception {
        Path log = Files.createTempDirectory("replay").resolve("alert.log");
        createTask("sqTask", "stream", "stream\n\t|from()\n\t\t.measurement('m')\n\t|log()\n\t|alert()\n"
            + "\t\t.id('test-stream-query')\n\t\t.crit(lambda: TRUE)\n\t\t.details('')\n\t\t.log('" + log + "')\n");
        Http.Response created = await(http.post("/kapacitor/v1/recordings/query", new JsonObject()
            .put("id", "sqrec").put("query", "SELECT * FROM mydb.myrp.m GROUP BY *").put("type", "stream")));
        assertEquals(201, created.status(), created.text());
        assertEquals("stream", created.json().getString("type"));
        finished("/kapacitor/v1/recordings/sqrec");
        assertEquals(201, await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "sqreplay")
            .put("task", "sqTask").put("recording", "sqrec").put("recording-time", true))).status());
        finished("/kapacitor/v1/replays/sqreplay");

        List<JsonObject> got = alerts(log);
        int[] seconds = {1, 2, 3, 4, 5, 6, 7, 10, 11};
        assertEquals(seconds.length, got.size(), got.toString());
        for (int i = 0; i < seconds.length; i++) {
            JsonObject a = got.get(i);
            String time = String.format("1971-01-01T00:00:%02dZ", seconds[i]);
            assertEquals(time, a.getString("time"), a.encode());
            assertEquals("test-stream-query is CRITICAL", a.getString("message"));
        }
        JsonObject first = got.get(0).getJsonObject("data").getJsonArray("series").getJsonObject(0);
        assertEquals(null, first.getJsonObject("tags"), first.encode());
        assertEquals(new JsonArray().add("time").add("a"), first.getJsonArray("columns"));
        JsonObject third = got.get(2).getJsonObject("data").getJsonArray("series").getJsonObject(0);
        assertEquals(new JsonObject().put("t1", "3"), third.getJsonObject("tags"), third.encode());
        assertEquals(new JsonArray().add("time").add("a").add("b"), third.getJsonArray("columns"));
        JsonObject fourth = got.get(3).getJsonObject("data").getJsonArray("series").getJsonObject(0);
        assertEquals(new JsonObject().put("t2", "4"), fourth.getJsonObject("tags"), fourth.encode());
    }

    @Test
    void failuresShowOnTheRecordingOrReplay() throws Exception {
        createTask("fStream", "stream", "stream\n    |from()\n        .measurement('m')\n    |httpOut('out')\n");
        createTask("fCluster", "batch", "batch\n    |query('SELECT value from mydb.myrp.cpu')\n"
            + "        .period(2s)\n        .every(2s)\n        .cluster('nope')\n    |httpOut('out')\n");
        createTask("fDbrp", "batch", "batch\n    |query('SELECT value from otherdb.autogen.cpu')\n"
            + "        .period(2s)\n        .every(2s)\n    |httpOut('out')\n");
        batchTask("fBatch");

        assertEquals(201, await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("id", "f1")
            .put("task", "fStream").put("start", T0 + "0Z"))).status());
        assertEquals("wrong task type", failed("/kapacitor/v1/recordings/f1").getString("error"));
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("id", "f2")
            .put("task", "fCluster").put("start", T0 + "0Z").put("stop", T0 + "6Z"))).status());
        JsonObject f2 = failed("/kapacitor/v1/recordings/f2");
        assertEquals("no such InfluxDB config nope", f2.getString("error"));
        assertEquals("batch", f2.getString("type"));
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("id", "f3")
            .put("task", "fDbrp").put("start", T0 + "0Z"))).status());
        assertEquals("batch query is not allowed to request data from \"otherdb\".\"autogen\"",
            failed("/kapacitor/v1/recordings/f3").getString("error"));
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("id", "f4")
            .put("query", "SELECT value from mydb.myrp.cpu").put("type", "batch").put("cluster", "nope")))
            .status());
        assertEquals("failed to get InfluxDB client: no such InfluxDB config nope",
            failed("/kapacitor/v1/recordings/f4").getString("error"));
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("id", "f5")
            .put("query", "SELECT value from cpu").put("type", "stream"))).status());
        assertEquals("could not determine database and retention policy. Is the query fully qualified?",
            failed("/kapacitor/v1/recordings/f5").getString("error"));

        // A stream recording cannot feed a batch task, nor a batch one a stream task.
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("id", "f6")
            .put("query", "SELECT value from mydb.myrp.cpu").put("type", "stream"))).status());
        finished("/kapacitor/v1/recordings/f6");
        assertEquals(201, await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "f7")
            .put("task", "fBatch").put("recording", "f6"))).status());
        assertEquals("running replay: data source open: zip: not a valid zip file",
            failed("/kapacitor/v1/replays/f7").getString("error"));
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("id", "f8")
            .put("query", "SELECT value from mydb.myrp.cpu").put("type", "batch"))).status());
        finished("/kapacitor/v1/recordings/f8");
        assertEquals(201, await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "f9")
            .put("task", "fStream").put("recording", "f8"))).status());
        assertEquals("running replay: data source open: gzip: invalid header",
            failed("/kapacitor/v1/replays/f9").getString("error"));
        assertEquals(201, await(http.post("/kapacitor/v1/replays/query", new JsonObject().put("id", "f10")
            .put("task", "fBatch").put("query", "SELECT value from mydb.myrp.cpu").put("cluster", "nope")))
            .status());
        assertEquals("running replay: failed to get InfluxDB client: no such InfluxDB config nope",
            failed("/kapacitor/v1/replays/f10").getString("error"));
    }

    @Test
    void requestErrorsAsKapacitorAnswersThem() throws Exception {
        createTask("eStream", "stream", "stream\n    |from()\n        .measurement('m')\n    |httpOut('out')\n");
        assertError(await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("task", "missing")
            .put("start", T0 + "0Z"))), 404, "no task exists");
        assertError(await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("task", "eStream"))),
            400, "must provide start time");
        assertError(await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("id", "a b")
            .put("task", "eStream").put("start", T0 + "0Z"))), 400,
            "recording ID must contain only letters, numbers, '-', '.' and '_'. \"a b\"");
        assertError(await(http.post("/kapacitor/v1/recordings/batch", new JsonObject().put("task", "eStream")
            .put("start", "yesterday"))), 400,
            "parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\"");
        assertError(await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("type", "batch"))), 400,
            "must provide query");
        assertError(await(http.post("/kapacitor/v1/recordings/query", new JsonObject().put("query", "SELECT 1")
            .put("type", "table"))), 400, "unknown TaskType table");
        assertError(await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("task", "eStream")
            .put("start", T0 + "0Z"))), 400, "cannot replay batch against stream task: eStream");
        assertError(await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("task", "missing"))), 404,
            "task load: no task exists");
        assertError(await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("id", "a b")
            .put("task", "eStream"))), 400, "replay ID must match ^[-\\._\\p{L}0-9]+$ \"a b\"");
        assertError(await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("task", "eStream")
            .put("clock", "slow"))), 400, "unknown Clock slow");
        assertError(await(http.post("/kapacitor/v1/replays/query", new JsonObject().put("id", "a b")
            .put("task", "eStream").put("query", "SELECT 1"))), 400,
            "recording ID must match ^[-\\._\\p{L}0-9]+$ \"a b\"");
        assertError(await(http.post("/kapacitor/v1/replays/query", new JsonObject().put("task", "eStream"))), 400,
            "must provide query");
        assertError(await(http.post("/kapacitor/v1/replays/query", new JsonObject().put("task", "missing")
            .put("query", "SELECT 1"))), 404, "task load: no task exists");
    }
}
