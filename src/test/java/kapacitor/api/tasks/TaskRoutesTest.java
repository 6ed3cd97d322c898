package kapacitor.api.tasks;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.service.task.RecordingTaskRunner;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Pattern;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tasks API over real HTTP, with Kapacitor's expectations from its server_test.go. */
class TaskRoutesTest {
    static final String TASKS = "/kapacitor/v1/tasks";
    static final String TICK = "stream\n    |from()\n        .measurement('test')\n";
    static final JsonArray DBRPS = new JsonArray()
        .add(new JsonObject().put("db", "mydb").put("rp", "myrp"))
        .add(new JsonObject().put("db", "otherdb").put("rp", "default"));
    private static final Pattern GO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");

    RecordingTaskRunner runner;
    TaskTestServer server;
    Http http;

    @BeforeEach
    void start() {
        runner = new RecordingTaskRunner();
        server = TaskTestServer.start(runner);
        http = server.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static JsonObject task(String id, String script, String status) {
        return new JsonObject().put("id", id).put("type", "stream").put("dbrps", DBRPS.copy()).put("script", script)
            .put("status", status);
    }

    Http.Response post(JsonObject body) {
        return await(http.post(TASKS, body));
    }

    Http.Response post(String body) {
        return await(http.post(TASKS, body));
    }

    Http.Response get(String uri) {
        return await(http.get(uri));
    }

    Http.Response patch(String id, JsonObject body) {
        return await(http.patch(TASKS + "/" + id, body));
    }

    static void assertError(Http.Response r, int status, String text) {
        assertEquals(status, r.status(), r.text());
        assertEquals(text, r.json().getString("error"));
        assertEquals(text, r.json().getString("message"));
    }

    @Test
    void createTaskAnswersTheTaskDocument() {
        Http.Response r = post(task("testTaskID", TICK, "disabled"));
        assertEquals(200, r.status(), r.text());
        JsonObject t = r.json();
        assertEquals(new JsonObject().put("rel", "self").put("href", "/kapacitor/v1/tasks/testTaskID"),
            t.getJsonObject("link"));
        assertEquals("testTaskID", t.getString("id"));
        assertEquals("", t.getString("template-id"));
        assertEquals("stream", t.getString("type"));
        assertEquals(DBRPS, t.getJsonArray("dbrps"));
        assertEquals(TICK, t.getString("script"));
        assertEquals(new JsonObject(), t.getJsonObject("vars"));
        assertEquals("digraph testTaskID {\nstream0 -> from1;\n}", t.getString("dot"));
        assertEquals("disabled", t.getString("status"));
        assertFalse(t.getBoolean("executing"));
        assertEquals("", t.getString("error"));
        assertEquals(new JsonObject(), t.getJsonObject("stats"));
        assertTrue(GO_TIME.matcher(t.getString("created")).matches(), t.getString("created"));
        assertEquals(t.getString("created"), t.getString("modified"));
        assertEquals("0001-01-01T00:00:00Z", t.getString("last-enabled"));
        assertEquals(List.of("link", "id", "template-id", "type", "dbrps", "script", "vars", "dot", "status",
            "executing", "error", "stats", "created", "modified", "last-enabled"),
            List.copyOf(t.fieldNames()));
        assertTrue(runner.starts().isEmpty());

        Http.Response again = get(TASKS + "/testTaskID");
        assertEquals(200, again.status());
        assertEquals(t, again.json());
    }

    @Test
    void bodyIsGoPrettyJson() {
        String body = post(task("pretty", TICK, "disabled")).text();
        assertTrue(body.startsWith("{\n    \"link\": {\n        \"rel\": \"self\",\n"), body);
    }

    @Test
    void createWithoutIdGetsARandomUuid() {
        JsonObject body = task("", TICK, "disabled");
        body.remove("id");
        Http.Response r = post(body);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.json().getString("id").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void typeComesFromTheScript() {
        String batch = "dbrp \"mydb\".\"myrp\"\n\nbatch\n    |query('SELECT * from mydb.myrp.mymeas')\n    |log()\n";
        JsonObject body = new JsonObject().put("id", "testTaskID").put("type", "stream").put("script", batch);
        Http.Response r = post(body);
        assertEquals(200, r.status(), r.text());
        assertEquals("batch", r.json().getString("type"));
        assertEquals("digraph testTaskID {\nquery1 -> log2;\n}", r.json().getString("dot"));
    }

    @Test
    void implicitDbrpsComeFromTheScript() {
        String tick = "dbrp \"mydb\".\"myrp\"\n\ndbrp \"otherdb\".\"default\"\n\n" + TICK;
        JsonObject body = new JsonObject().put("id", "implicit").put("script", tick);
        Http.Response r = post(body);
        assertEquals(200, r.status(), r.text());
        assertEquals(DBRPS, r.json().getJsonArray("dbrps"));
        assertEquals("stream", r.json().getString("type"));
    }

    @Test
    void dbrpRules() {
        String tick = "dbrp \"mydb\".\"myrp\"\n\n" + TICK;
        assertError(post(task("both", tick, "disabled")), 400,
            "cannot specify dbrp in both implicitly and explicitly");
        assertError(post(new JsonObject().put("id", "none").put("script", TICK)), 400, "must specify dbrp");
        assertEquals(0, get(TASKS).json().getJsonArray("tasks").size());
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        assertError(post("{"), 400, "invalid JSON");
        assertError(post(""), 400, "invalid JSON");
        assertError(post("{\"id\": 5}"), 400, "invalid JSON");
        assertError(post("{\"id\": \"x\", \"type\": \"flux\"}"), 400, "invalid JSON");
        assertError(post("{\"id\": \"x\", \"status\": \"on\"}"), 400, "invalid JSON");
        assertError(post(task("x", "", "disabled")), 400, "must provide TICKscript");
        assertError(post(task("x", "stream\n    |from(\n", "disabled")), 400,
            "invalid TICKscript: parser: unexpected EOF line 3 char 1 in \"\". expected: \"number\",\"string\","
                + "\"duration\",\"identifier\",\"TRUE\",\"FALSE\",\"==\",\"(\",\"-\",\"!\"");
        assertError(post(task("x", "var x = 5\n", "disabled")), 400, "invalid task type: invalid");
        assertError(post(task("x", "stream\n    |from()\n        .peroid(10s)\n", "disabled")), 400,
            "invalid TICKscript: line 3 char 10: no method or property \"peroid\" on *pipeline.FromNode");
        assertEquals(new JsonArray(), get(TASKS).json().getJsonArray("tasks"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "task_id|true", "task_id7|true", "task.id7|true", "task-id7|true", "tásk7|true",
        "invalid id|false", "invalid*id|false", "task/id7|false"})
    void idRule(String id, boolean valid) {
        Http.Response r = post(task(id, TICK, "disabled"));
        if (valid) {
            assertEquals(200, r.status(), r.text());
            assertEquals(id, r.json().getString("id"));
            String encoded = java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(id, get(TASKS + "/" + encoded).json().getString("id"));
        } else {
            assertError(r, 400, "task ID must contain only letters, numbers, '-', '.' and '_'. \"" + id + "\"");
        }
    }

    @Test
    void duplicateIdIsA400() {
        assertEquals(200, post(task("dup", TICK, "disabled")).status());
        assertError(post(task("dup", TICK, "enabled")), 400, "task dup already exists");
        assertEquals("disabled", get(TASKS + "/dup").json().getString("status"));
    }

    /** Kapacitor looks the id up first: an existing task is the answer whatever else is wrong with the request. */
    @Test
    void anExistingIdWinsOverTheRequestsOtherFaults() {
        assertEquals(200, post(task("dup", TICK, "disabled")).status());
        assertError(post(task("dup", "", "enabled")), 400, "task dup already exists");
        assertError(post(task("dup", "stream\n    |from(\n", "enabled")), 400, "task dup already exists");
        assertError(post(task("dup", "var x = 5\n", "enabled")), 400, "task dup already exists");
        assertError(post(task("dup", TICK, "enabled").put("dbrps", new JsonArray())), 400,
            "task dup already exists");
        assertError(post(task("dup", TICK, "enabled").put("template-id", "nope")), 400, "task dup already exists");
        assertError(post(task("other", TICK, "enabled").put("template-id", "nope")), 400,
            "unknown template nope: err: no template exists");
        assertTrue(runner.starts().isEmpty());
    }

    @Test
    void concurrentCreatesOfOneIdStoreAndStartItOnce() {
        List<io.vertx.core.Future<Http.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(http.post(TASKS, task("race", TICK, "enabled")));
        }
        int created = 0;
        for (io.vertx.core.Future<Http.Response> answer : answers) {
            Http.Response r = await(answer);
            if (r.status() == 200) {
                created++;
            } else {
                assertError(r, 400, "task race already exists");
            }
        }
        assertEquals(1, created);
        assertEquals(1, runner.starts().size());
        assertEquals(1, get(TASKS).json().getJsonArray("tasks").size());
    }

    @Test
    void aNewTaskIsAnsweredAsAGetShowsIt() {
        Http.Response created = post(task("shown", TICK, "enabled"));
        assertEquals(200, created.status(), created.text());
        assertEquals(get(TASKS + "/shown").json(), created.json());

        JsonObject vars = new JsonObject()
            .put("m", new JsonObject().put("type", "string").put("value", "mem").put("description", "which"))
            .put("n", new JsonObject().put("type", "float").put("value", 2.0))
            .put("d", new JsonObject().put("type", "duration").put("value", 10_000_000_000L))
            .put("w", new JsonObject().put("type", "lambda").put("value", "\"v\" >  1"));
        String script = "var m string\nvar n = 1.5\nvar d = 5s\nvar w = lambda: TRUE\n"
            + "stream|from().measurement(m).where(w)|window().period(d).every(d)|mean('v')|eval(lambda: \"mean\" * n).as('x')";
        created = post(task("vars", script, "disabled").put("vars", vars));
        assertEquals(200, created.status(), created.text());
        assertEquals(get(TASKS + "/vars").json(), created.json());
        assertTrue(created.json().getString("script").startsWith("var m string\n"), created.json().getString("script"));
    }

    @Test
    void missingTaskIs404() {
        assertError(get(TASKS + "/nope"), 404, "no task exists");
        assertError(patch("nope", new JsonObject().put("status", "enabled")), 404,
            "task does not exist, cannot update");
        assertError(get(TASKS + "/"), 400, "must specify task id on path");
    }

    @Test
    void getChecksQueryParameters() {
        post(task("q", TICK, "disabled"));
        assertError(get(TASKS + "/q?script-format=pretty"), 400, "invalid script-format parameter \"pretty\"");
        assertError(get(TASKS + "/q?dot-view=graph"), 400, "invalid dot-view parameter \"graph\"");
        assertError(get(TASKS + "/q?replay-id=r1"), 400, "no running replay with ID: r1");
        assertEquals("q", get("/kapacitor/v1preview/tasks/q").json().getString("id"));
    }

    @Test
    void scriptIsFormattedUnlessRawIsAsked() {
        String ugly = "stream|from().measurement('test')";
        assertEquals(200, post(task("fmt", ugly, "disabled")).status());
        assertEquals(TICK, get(TASKS + "/fmt").json().getString("script"));
        assertEquals(ugly, get(TASKS + "/fmt?script-format=raw").json().getString("script"));
    }

    @Test
    void enableOnCreateStartsTheTask() {
        Http.Response r = post(task("testTaskID", TICK, "enabled"));
        assertEquals(200, r.status(), r.text());
        JsonObject t = r.json();
        assertEquals("enabled", t.getString("status"));
        assertTrue(t.getBoolean("executing"));
        assertEquals("digraph testTaskID {\nstream0 -> from1;\n}" + RecordingTaskRunner.EXECUTING_DOT_SUFFIX,
            t.getString("dot"));
        assertEquals(new JsonObject().put("errors", 0), t.getJsonObject("stats").getJsonObject("node-stats")
            .getJsonObject("stream0"));
        assertEquals(t.getString("created"), t.getString("last-enabled"));
        assertEquals(1, runner.starts().size());
        assertEquals("testTaskID", runner.starts().get(0).id());
        assertEquals(2, runner.starts().get(0).dbrps().size());
        assertEquals("digraph testTaskID {\nstream0 -> from1;\n} [labels]",
            get(TASKS + "/testTaskID?dot-view=labels").json().getString("dot"));
    }

    @Test
    void startFailureIsA500AndStoredAsTheTaskError() {
        runner.failStart("broken", "failed to connect to InfluxDB");
        assertError(post(task("broken", TICK, "enabled")), 500, "failed to connect to InfluxDB");
        JsonObject t = get(TASKS + "/broken").json();
        assertEquals("enabled", t.getString("status"));
        assertFalse(t.getBoolean("executing"));
        assertEquals("failed to connect to InfluxDB", t.getString("error"));
        assertEquals("digraph broken {\nstream0 -> from1;\n}", t.getString("dot"));
    }

    @Test
    void enableAndDisableThroughPatch() {
        post(task("testTaskID", TICK, "disabled"));
        Http.Response r = patch("testTaskID", new JsonObject().put("status", "enabled"));
        assertEquals(200, r.status(), r.text());
        assertEquals("enabled", r.json().getString("status"));
        assertTrue(r.json().getBoolean("executing"));
        assertTrue(GO_TIME.matcher(r.json().getString("last-enabled")).matches());
        assertEquals(r.json().getString("modified"), r.json().getString("last-enabled"));
        assertEquals(1, runner.starts().size());

        r = patch("testTaskID", new JsonObject().put("status", "disabled"));
        assertEquals(200, r.status(), r.text());
        assertEquals("disabled", r.json().getString("status"));
        assertFalse(r.json().getBoolean("executing"));
        assertEquals(List.of("testTaskID"), runner.stops());
        assertEquals("digraph testTaskID {\nstream0 -> from1;\n}", r.json().getString("dot"));
    }

    @Test
    void patchExplicitToImplicitDbrps() {
        post(task("testTaskID", TICK, "disabled"));
        String implicit = "dbrp \"mydb\".\"myrp\"\n\n" + TICK;
        Http.Response r = patch("testTaskID", new JsonObject().put("script", implicit));
        assertEquals(200, r.status(), r.text());
        assertEquals(new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")),
            r.json().getJsonArray("dbrps"));
        assertEquals(implicit, r.json().getString("script"));

        assertError(patch("testTaskID", new JsonObject().put("script", TICK)), 400, "must specify dbrp");
        assertError(patch("testTaskID", new JsonObject().put("dbrps", DBRPS.copy())), 400,
            "cannot specify dbrp in implicitly and explicitly");
        assertEquals(implicit, get(TASKS + "/testTaskID").json().getString("script"));
    }

    @Test
    void patchWithBadScriptChangesNothing() {
        post(task("t", TICK, "disabled"));
        String before = get(TASKS + "/t").text();
        assertError(patch("t", new JsonObject().put("script", "stream\n    |from()\n        .nope()\n")), 400,
            "invalid TICKscript: line 3 char 10: no method or property \"nope\" on *pipeline.FromNode");
        assertError(await(http.request(HttpMethod.PATCH, TASKS + "/t", Buffer.buffer("[1]"), null)), 400,
            "invalid JSON");
        assertEquals(before, get(TASKS + "/t").text());
    }

    @Test
    void patchIdRenamesTheTask() {
        post(task("old", TICK, "enabled"));
        Http.Response r = patch("old", new JsonObject().put("id", "new"));
        assertEquals(200, r.status(), r.text());
        assertEquals("/kapacitor/v1/tasks/new", r.json().getJsonObject("link").getString("href"));
        assertEquals("digraph new {\nstream0 -> from1;\n}" + RecordingTaskRunner.EXECUTING_DOT_SUFFIX,
            r.json().getString("dot"));
        assertError(get(TASKS + "/old"), 404, "no task exists");
        assertEquals(List.of("old"), runner.stops());
        assertEquals("new", runner.starts().get(1).id());
    }

    @Test
    void patchIdOntoAnExistingTaskFails() {
        post(task("a", TICK, "disabled"));
        post(task("b", TICK, "disabled"));
        assertError(patch("a", new JsonObject().put("id", "b")), 500,
            "failed to create new task during ID change: task already exists");
        assertEquals(200, get(TASKS + "/a").status());
    }

    @Test
    void deleteStopsAndIsIdempotent() {
        post(task("gone", TICK, "enabled"));
        Http.Response r = await(http.delete(TASKS + "/gone"));
        assertEquals(204, r.status());
        assertEquals(0, r.body().length());
        assertEquals(List.of("gone"), runner.stops());
        assertError(get(TASKS + "/gone"), 404, "no task exists");
        assertEquals(204, await(http.delete(TASKS + "/gone")).status());
    }

    @Test
    void listTasks() {
        for (int i = 0; i < 10; i++) {
            assertEquals(200, post(task("testTaskID" + i, TICK, i % 2 == 0 ? "enabled" : "disabled")).status());
        }
        JsonArray tasks = get(TASKS).json().getJsonArray("tasks");
        assertEquals(10, tasks.size());
        for (int i = 0; i < 10; i++) {
            JsonObject t = tasks.getJsonObject(i);
            assertEquals("testTaskID" + i, t.getString("id"));
            assertEquals(i % 2 == 0 ? "enabled" : "disabled", t.getString("status"));
            assertEquals(i % 2 == 0, t.getBoolean("executing"));
            assertEquals(TICK, t.getString("script"));
            assertEquals(DBRPS, t.getJsonArray("dbrps"));
            assertEquals("", t.getString("error"));
            assertFalse(t.getString("dot").isEmpty());
            // A Go map: keys sorted; stats null when not executing; no template-id.
            assertEquals(List.of("created", "dbrps", "dot", "error", "executing", "id", "last-enabled",
                "link", "modified", "script", "stats", "status", "type", "vars"),
                List.copyOf(t.fieldNames()));
            assertEquals(i % 2 != 0, t.getValue("stats") == null);
        }
    }

    @Test
    void listTasksFieldsPatternOffsetLimit() {
        for (int i = 0; i < 30; i++) {
            post(task("testTaskID" + i, TICK, "enabled"));
        }
        JsonArray tasks = get(TASKS + "?pattern=testTaskID1*&fields=type&fields=status&offset=1&limit=5")
            .json().getJsonArray("tasks");
        assertEquals(5, tasks.size());
        for (int i = 0; i < 5; i++) {
            JsonObject t = tasks.getJsonObject(i);
            assertEquals(new JsonObject().put("id", "testTaskID1" + i)
                .put("link", new JsonObject().put("rel", "self").put("href", "/kapacitor/v1/tasks/testTaskID1" + i))
                .put("status", "enabled").put("type", "stream"), t);
        }
    }

    @Test
    void listTasksChecksParameters() {
        post(task("p", TICK, "disabled"));
        assertError(get(TASKS + "?fields=bogus"), 400, "unsupported field \"bogus\"");
        assertError(get(TASKS + "?offset=x"), 400,
            "invalid offset parameter \"x\" must be an integer: strconv.ParseInt: parsing \"x\": invalid syntax");
        assertError(get(TASKS + "?limit=1.5"), 400,
            "invalid limit parameter \"1.5\" must be an integer: strconv.ParseInt: parsing \"1.5\": invalid syntax");
        assertError(get(TASKS + "?script-format=x"), 400, "invalid script-format parameter \"x\"");
        assertError(get(TASKS + "?dot-view=x"), 400, "invalid dot-view parameter \"x\"");
        assertEquals(new JsonObject().put("tasks", new JsonArray()), get(TASKS + "?limit=0").json());
    }

    @Test
    void taskNumsInDebugVars() {
        post(task("a", TICK, "enabled"));
        post(task("b", TICK, "disabled"));
        JsonObject vars = get("/kapacitor/v1/debug/vars").json();
        assertEquals(2, vars.getLong("num_tasks"));
        assertEquals(1, vars.getLong("num_enabled_tasks"));
        patch("b", new JsonObject().put("status", "enabled"));
        await(http.delete(TASKS + "/a"));
        vars = get("/kapacitor/v1/debug/vars").json();
        assertEquals(1, vars.getLong("num_tasks"));
        assertEquals(1, vars.getLong("num_enabled_tasks"));
    }

    @Test
    void httpOutEndpointOfARunningTask() {
        String tick = TICK + "    |httpOut('out')\n";
        post(task("web", tick, "enabled"));
        runner.endpoint("web", "out", "{\"series\":null}");
        Http.Response r = get(TASKS + "/web/out");
        assertEquals(200, r.status());
        assertEquals("{\"series\":null}", r.text());
        assertError(get(TASKS + "/web/other"), 404, "no task exists");
        assertError(get(TASKS + "/nothing/out"), 404, "no task exists");
    }

    @Test
    void tasksSurviveARestartAndEnabledOnesStartAgain() {
        post(task("on", TICK, "enabled"));
        post(task("off", TICK, "disabled"));
        JsonObject before = get(TASKS + "/off").json();
        RecordingTaskRunner second = new RecordingTaskRunner();
        server.restart(second);
        http = server.http();
        assertEquals(1, second.starts().size());
        assertEquals("on", second.starts().get(0).id());
        JsonObject on = get(TASKS + "/on").json();
        assertEquals("enabled", on.getString("status"));
        assertTrue(on.getBoolean("executing"));
        assertEquals(before, get(TASKS + "/off").json());
        JsonObject vars = get("/kapacitor/v1/debug/vars").json();
        assertEquals(2, vars.getLong("num_tasks"));
        assertEquals(1, vars.getLong("num_enabled_tasks"));
    }

    @Test
    void aTaskThatFailsToStartAfterARestartKeepsItsStatusAndShowsTheError() {
        post(task("on", TICK, "enabled"));
        RecordingTaskRunner second = new RecordingTaskRunner();
        second.failStart("on", "no InfluxDB cluster");
        server.restart(second);
        http = server.http();
        JsonObject on = get(TASKS + "/on").json();
        assertEquals("enabled", on.getString("status"));
        assertFalse(on.getBoolean("executing"));
        assertEquals("no InfluxDB cluster", on.getString("error"));
    }

    @Test
    void patchVarsOfATemplateTask() {
        await(http.post("/kapacitor/v1/templates", new JsonObject().put("id", "tpl")
            .put("script", "var m = 'cpu'\n\nstream\n    |from()\n        .measurement(m)\n")));
        JsonObject body = new JsonObject().put("id", "t").put("template-id", "tpl").put("dbrps", DBRPS.copy());
        assertEquals(200, post(body).status());
        JsonObject vars = new JsonObject().put("m", new JsonObject().put("type", "string").put("value", "mem"));
        Http.Response r = patch("t", new JsonObject().put("vars", vars));
        assertEquals(200, r.status(), r.text());
        assertEquals(new JsonObject().put("m", new JsonObject().put("type", "string").put("value", "mem")
            .put("description", "")), r.json().getJsonObject("vars"));
        assertEquals("tpl", r.json().getString("template-id"));
        JsonObject bad = new JsonObject().put("m", new JsonObject().put("type", "int").put("value", 1));
        assertError(patch("t", new JsonObject().put("vars", bad)), 400,
            "invalid TICKscript: invalid type supplied for m, got int exp string");
        assertEquals(r.json(), get(TASKS + "/t").json());
    }
}
