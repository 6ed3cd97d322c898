package kapacitor.api.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recordings and replays over HTTP, with Kapacitor's statuses, texts and JSON. */
class ReplayRoutesTest {
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void createTask(String id, String script) {
        JsonObject task = new JsonObject().put("id", id).put("type", "stream")
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
            .put("script", script).put("status", "disabled");
        Http.Response r = await(http.post("/kapacitor/v1/tasks", task));
        assertEquals(200, r.status(), r.text());
    }

    private static Http.Response poll(String uri) throws InterruptedException {
        Http.Response r = null;
        for (int i = 0; i < 200; i++) {
            r = await(http.get(uri));
            if (r.status() != 202) {
                return r;
            }
            Thread.sleep(50);
        }
        return r;
    }

    /** Recording files under the server's data dir (the [replay] dir is relative to data_dir). */
    private static long recordingFiles() throws java.io.IOException {
        try (var files = Files.walk(server.dataDir())) {
            return files.filter(f -> f.getFileName().toString().equals("recordingid.srpl")).count();
        }
    }

    private static void assertError(Http.Response r, int status, String text) {
        assertEquals(status, r.status(), r.text());
        assertEquals(text, r.json().getString("error"));
    }

    /** Kapacitor's TestServer_RecordReplayStream: record a task's stream, replay it fast, read the alert log. */
    @Test
    void recordStreamThenReplayItThroughTheTask() throws Exception {
        Path log = Files.createTempDirectory("replay").resolve("alert.log");
        createTask("testStreamTask", "stream\n    |from()\n        .measurement('test')\n    |window()\n"
            + "        .period(10s)\n        .every(10s)\n    |count('value')\n    |alert()\n"
            + "        .id('test-count')\n        .message('{{ .ID }} got: {{ index .Fields \"count\" }}')\n"
            + "        .crit(lambda: TRUE)\n        .log('" + log + "')\n");

        Http.Response created = await(http.post("/kapacitor/v1/recordings/stream", new JsonObject()
            .put("id", "recordingid").put("task", "testStreamTask").put("stop", "1970-01-01T00:00:10Z")));
        assertEquals(201, created.status(), created.text());
        JsonObject rec = created.json();
        assertEquals(new JsonObject().put("rel", "self").put("href", "/kapacitor/v1/recordings/recordingid"),
            rec.getJsonObject("link"));
        assertEquals("recordingid", rec.getString("id"));
        assertEquals("stream", rec.getString("type"));
        assertEquals("running", rec.getString("status"));
        assertEquals(0, rec.getInteger("size"));
        assertEquals("", rec.getString("error"));
        assertTrue(created.text().contains("\"progress\": 0\n"), created.text());
        assertEquals("[link, id, type, size, date, error, status, progress]", rec.fieldNames().toString());

        StringBuilder points = new StringBuilder();
        for (int s : new int[] {0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12}) {
            points.append("test value=1 ").append(s).append('\n');
        }
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp&precision=s", points.toString())).status());

        Http.Response done = poll("/kapacitor/v1/recordings/recordingid");
        assertEquals(200, done.status(), done.text());
        assertEquals("finished", done.json().getString("status"));
        assertEquals("", done.json().getString("error"));
        assertTrue(done.json().getLong("size") > 0);
        assertTrue(done.text().contains("\"progress\": 1\n"), done.text());
        assertEquals(1L, recordingFiles());

        Http.Response replay = await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "replayid")
            .put("task", "testStreamTask").put("recording", "recordingid").put("clock", "fast")
            .put("recording-time", true)));
        assertEquals(201, replay.status(), replay.text());
        JsonObject rp = replay.json();
        assertEquals("/kapacitor/v1/replays/replayid", rp.getJsonObject("link").getString("href"));
        assertEquals("testStreamTask", rp.getString("task"));
        assertEquals("recordingid", rp.getString("recording"));
        assertEquals(true, rp.getBoolean("recording-time"));
        assertEquals("fast", rp.getString("clock"));
        assertEquals("running", rp.getString("status"));
        assertEquals(new JsonObject(), rp.getJsonObject("stats"));
        assertEquals("[link, id, task, recording, recording-time, clock, date, error, status, progress, stats]",
            rp.fieldNames().toString());

        Http.Response finished = poll("/kapacitor/v1/replays/replayid");
        assertEquals(200, finished.status(), finished.text());
        assertEquals("finished", finished.json().getString("status"), finished.text());
        assertEquals("", finished.json().getString("error"));
        JsonObject nodeStats = finished.json().getJsonObject("stats").getJsonObject("node-stats");
        assertEquals(16L, nodeStats.getJsonObject("from1").getLong("emitted"), finished.text());

        JsonObject alert = new JsonObject(Files.readAllLines(log).get(0));
        assertEquals("test-count", alert.getString("id"));
        assertEquals("test-count got: 15", alert.getString("message"));
        assertEquals("1970-01-01T00:00:10Z", alert.getString("time"));
        assertEquals("CRITICAL", alert.getString("level"));
        assertEquals(new JsonArray().add("1970-01-01T00:00:10Z").add(15.0), alert.getJsonObject("data")
            .getJsonArray("series").getJsonObject(0).getJsonArray("values").getJsonArray(0));

        JsonArray recordings = await(http.get("/kapacitor/v1/recordings?pattern=recording*")).json()
            .getJsonArray("recordings");
        assertEquals(1, recordings.size());
        assertEquals("[date, error, id, link, progress, size, status, type]",
            recordings.getJsonObject(0).fieldNames().toString());
        JsonArray replays = await(http.get("/kapacitor/v1/replays?fields=status&pattern=replayid")).json()
            .getJsonArray("replays");
        assertEquals(new JsonObject().put("id", "replayid").put("link", new JsonObject().put("rel", "self")
            .put("href", "/kapacitor/v1/replays/replayid")).put("status", "finished"), replays.getJsonObject(0));

        assertEquals(204, await(http.delete("/kapacitor/v1/recordings/recordingid")).status());
        assertEquals(0, await(http.get("/kapacitor/v1/recordings?pattern=recordingid")).json()
            .getJsonArray("recordings").size());
        assertEquals(0L, recordingFiles());
        assertEquals(204, await(http.delete("/kapacitor/v1/replays/replayid")).status());
        assertEquals(0, await(http.get("/kapacitor/v1/replays?pattern=replayid")).json()
            .getJsonArray("replays").size());
    }

    /** The real clock waits out the recording's time gaps; without recording-time the points move to now. */
    @Test
    void realClockReplayShiftsPointsToNow() throws Exception {
        createTask("realTask", "stream\n    |from()\n        .measurement('r')\n    |httpOut('out')\n");
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/stream", new JsonObject().put("id", "realrec")
            .put("task", "realTask").put("stop", "1970-01-01T00:00:00.300Z"))).status());
        StringBuilder points = new StringBuilder();
        for (int ms = 0; ms <= 400; ms += 50) {
            points.append("r value=").append(ms).append(' ').append(ms).append('\n');
        }
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp&precision=ms", points.toString())).status());
        assertEquals("finished", poll("/kapacitor/v1/recordings/realrec").json().getString("status"));

        java.time.Instant before = java.time.Instant.now();
        Http.Response created = await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "realreplay")
            .put("task", "realTask").put("recording", "realrec").put("clock", "real")));
        assertEquals(201, created.status(), created.text());
        assertEquals("real", created.json().getString("clock"));
        assertEquals(false, created.json().getBoolean("recording-time"));
        Http.Response done = poll("/kapacitor/v1/replays/realreplay");
        assertEquals("finished", done.json().getString("status"), done.text());
        assertTrue(java.time.Duration.between(before, java.time.Instant.now()).toMillis() >= 300,
            "the real clock waits out the 300ms the recording spans");
        JsonObject from = done.json().getJsonObject("stats").getJsonObject("node-stats").getJsonObject("from1");
        assertEquals(7L, from.getLong("emitted"), done.text());
        // The copy stopped with the replay, taking its endpoint with it (Kapacitor's httpOut leaves with its task).
        assertEquals(404, await(http.get("/kapacitor/v1/tasks/realTask/out")).status());
    }

    /**
     * Kapacitor runs a replay in a task master of its own: the task may be executing meanwhile, and GET /tasks/ID
     * with replay-id shows the replay's copy while the replay runs (server_test.go's checks with ReplayID).
     */
    @Test
    void replayRunsBesideTheLiveTaskAndShowsItsCopy() throws Exception {
        JsonObject task = new JsonObject().put("id", "liveTask").put("type", "stream")
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
            .put("script", "stream\n    |from()\n        .measurement('lv')\n    |httpOut('out')\n")
            .put("status", "enabled");
        assertEquals(200, await(http.post("/kapacitor/v1/tasks", task)).status());
        createTask("otherTask", "stream\n    |from()\n        .measurement('ot')\n    |httpOut('out')\n");
        assertEquals(201, await(http.post("/kapacitor/v1/recordings/stream", new JsonObject().put("id", "liverec")
            .put("task", "liveTask").put("stop", "1970-01-01T00:00:02Z"))).status());
        StringBuilder points = new StringBuilder();
        for (int ms = 0; ms <= 2500; ms += 500) {
            points.append("lv value=").append(ms).append(' ').append(ms).append('\n');
        }
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp&precision=ms", points.toString())).status());
        assertEquals("finished", poll("/kapacitor/v1/recordings/liverec").json().getString("status"));

        Http.Response created = await(http.post("/kapacitor/v1/replays", new JsonObject().put("id", "livereplay")
            .put("task", "liveTask").put("recording", "liverec").put("clock", "real")));
        assertEquals(201, created.status(), created.text());
        // The copy starts just after the 201; until it runs the replay is not yet for the task.
        Http.Response inReplay = null;
        for (int i = 0; i < 100; i++) {
            inReplay = await(http.get("/kapacitor/v1/tasks/liveTask?replay-id=livereplay"));
            if (inReplay.status() == 200) {
                break;
            }
            assertError(inReplay, 400, "replay livereplay is not for task: liveTask");
            Thread.sleep(10);
        }
        assertEquals(200, inReplay.status(), inReplay.text());
        JsonObject copy = inReplay.json();
        assertEquals("liveTask", copy.getString("id"));
        assertEquals("enabled", copy.getString("status"));
        assertEquals(true, copy.getBoolean("executing"));
        assertTrue(copy.getJsonObject("stats").getJsonObject("node-stats").containsKey("from1"), inReplay.text());
        assertTrue(copy.getString("dot").startsWith("digraph liveTask {\ngraph [throughput="), copy.getString("dot"));
        assertError(await(http.get("/kapacitor/v1/tasks/otherTask?replay-id=livereplay")), 400,
            "replay livereplay is not for task: otherTask");

        Http.Response done = poll("/kapacitor/v1/replays/livereplay");
        assertEquals("finished", done.json().getString("status"), done.text());
        assertEquals("", done.json().getString("error"));
        assertEquals(5L, done.json().getJsonObject("stats").getJsonObject("node-stats").getJsonObject("from1")
            .getLong("emitted"), done.text());
        assertError(await(http.get("/kapacitor/v1/tasks/liveTask?replay-id=livereplay")), 400,
            "no running replay with ID: livereplay");

        // The live task kept its own stream: it saw the six points written, none of the replayed ones.
        JsonObject live = await(http.get("/kapacitor/v1/tasks/liveTask?replay-id=main")).json();
        assertEquals(true, live.getBoolean("executing"));
        assertEquals(6L, live.getJsonObject("stats").getJsonObject("node-stats").getJsonObject("from1")
            .getLong("emitted"), live.encode());
        assertEquals(200, await(http.get("/kapacitor/v1/tasks/liveTask/out")).status());
        assertError(await(http.get("/kapacitor/v1/tasks/liveTask?replay-id=nope")), 400,
            "no running replay with ID: nope");
        assertEquals(204, await(http.delete("/kapacitor/v1/tasks/liveTask")).status());
    }

    @Test
    void errorsAsKapacitorAnswersThem() {
        createTask("errTask", "stream\n    |from()\n        .measurement('m')\n    |httpOut('out')\n");
        assertError(await(http.get("/kapacitor/v1/recordings/nope")), 500,
            "error finding recording: no recording exists");
        assertEquals(204, await(http.delete("/kapacitor/v1/recordings/nope")).status());
        assertError(await(http.get("/kapacitor/v1/recordings/")), 400, "must specify recording id on path");
        assertError(await(http.post("/kapacitor/v1/recordings/stream",
            new JsonObject().put("id", "a b").put("task", "errTask"))), 400,
            "recording ID must contain only letters, numbers, '-', '.' and '_'. \"a b\"");
        assertError(await(http.post("/kapacitor/v1/recordings/stream", new JsonObject().put("task", "missing"))),
            404, "no task exists");
        assertError(await(http.get("/kapacitor/v1/recordings?offset=x")), 400,
            "invalid offset parameter \"x\" must be an integer: strconv.ParseInt: parsing \"x\": invalid syntax");
        Http.Response running = await(http.post("/kapacitor/v1/recordings/stream", new JsonObject()
            .put("id", "errrec").put("task", "errTask").put("stop", "2100-01-01T00:00:00+01:00")));
        assertEquals(201, running.status(), running.text());
        assertEquals(202, await(http.get("/kapacitor/v1/recordings/errrec")).status());
        // As in Kapacitor, fields are checked per listed recording.
        assertError(await(http.get("/kapacitor/v1/recordings?fields=bogus&pattern=err*")), 400,
            "unsupported field \"bogus\"");
        assertEquals(new JsonObject().put("recordings", new JsonArray()),
            await(http.get("/kapacitor/v1/recordings?fields=bogus&pattern=zz*")).json());
        assertEquals(new JsonArray().add(new JsonObject().put("id", "errrec").put("link", new JsonObject()
                .put("rel", "self").put("href", "/kapacitor/v1/recordings/errrec")).put("status", "running")),
            await(http.get("/kapacitor/v1/recordings?fields=status&pattern=err*")).json().getJsonArray("recordings"));
        assertEquals(204, await(http.delete("/kapacitor/v1/recordings/errrec")).status());
        assertError(await(http.get("/kapacitor/v1/recordings/errrec")), 500,
            "error finding recording: no recording exists");

        assertError(await(http.get("/kapacitor/v1/replays/nope")), 404, "could not find replay: no replay exists");
        assertEquals(204, await(http.delete("/kapacitor/v1/replays/nope")).status());
        assertError(await(http.post("/kapacitor/v1/replays", new JsonObject().put("task", "missing")
            .put("recording", "r"))), 404, "task load: no task exists");
        assertError(await(http.post("/kapacitor/v1/replays", new JsonObject().put("task", "errTask")
            .put("recording", "r"))), 404, "recording not found: no recording exists");
        assertError(await(http.post("/kapacitor/v1/replays", new JsonObject().put("task", "errTask")
            .put("recording", "r").put("clock", "slow"))), 400, "unknown Clock slow");

        // Batch and query recordings and replays: BatchRecordingRoutesTest, against a real influxd.
        assertError(await(http.post("/kapacitor/v1/recordings/query", new JsonObject())), 400,
            "must provide query");
        assertError(await(http.post("/kapacitor/v1/recordings/batch", new JsonObject())), 400,
            "must provide start time");
        assertError(await(http.post("/kapacitor/v1/replays/query", new JsonObject())), 400,
            "must provide query");
        assertError(await(http.post("/kapacitor/v1/replays/batch", new JsonObject().put("task", "errTask"))), 400,
            "cannot replay batch against stream task: errTask");
    }
}
