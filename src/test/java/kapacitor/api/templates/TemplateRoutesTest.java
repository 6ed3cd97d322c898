package kapacitor.api.templates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.api.tasks.TaskTestServer;
import kapacitor.service.task.RecordingTaskRunner;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The templates API and tasks made from templates, over real HTTP, with Kapacitor's server_test.go expectations. */
class TemplateRoutesTest {
    static final String TEMPLATES = "/kapacitor/v1/templates";
    static final String TASKS = "/kapacitor/v1/tasks";
    static final String TICK = "var x = 5\n\nstream\n    |from()\n        .measurement('test')\n";
    static final String MEASUREMENT_TICK = "// Configurable measurement\nvar measurement = 'test'\n\n"
        + "stream\n    |from()\n        .measurement(measurement)\n";
    static final JsonArray DBRPS = new JsonArray()
        .add(new JsonObject().put("db", "mydb").put("rp", "myrp"))
        .add(new JsonObject().put("db", "otherdb").put("rp", "default"));

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

    Http.Response createTemplate(String id, String script) {
        return await(http.post(TEMPLATES, new JsonObject().put("id", id).put("type", "stream").put("script", script)));
    }

    Http.Response get(String uri) {
        return await(http.get(uri));
    }

    static JsonObject var(String type, Object value, String description) {
        return new JsonObject().put("type", type).put("value", value).put("description", description);
    }

    static void assertError(Http.Response r, int status, String text) {
        assertEquals(status, r.status(), r.text());
        assertEquals(text, r.json().getString("error"));
    }

    @Test
    void createTemplate() {
        Http.Response r = createTemplate("testTemplateID", TICK);
        assertEquals(200, r.status(), r.text());
        JsonObject t = r.json();
        assertEquals(List.of("link", "id", "type", "script", "vars", "dot", "error", "created", "modified"),
            List.copyOf(t.fieldNames()));
        assertEquals("/kapacitor/v1/templates/testTemplateID", t.getJsonObject("link").getString("href"));
        assertEquals("stream", t.getString("type"));
        assertEquals(TICK, t.getString("script"));
        assertEquals("digraph testTemplateID {\nstream0 -> from1;\n}", t.getString("dot"));
        assertEquals(new JsonObject().put("x", var("int", 5, "")), t.getJsonObject("vars"));
        assertEquals("", t.getString("error"));
        assertEquals(t, get(TEMPLATES + "/testTemplateID").json());
    }

    @Test
    void templateVarsCarryDescriptionsAndTypedDeclarations() {
        String tick = "// The threshold\nvar crit float\nvar period = 10s\nvar where = lambda: \"host\" == 'a'\n\n"
            + "stream\n    |from()\n        .where(where)\n    |window()\n        .period(period)\n"
            + "        .every(period)\n    |alert()\n        .crit(lambda: \"value\" > crit)\n";
        Http.Response r = createTemplate("typed", tick);
        assertEquals(200, r.status(), r.text());
        assertEquals(new JsonObject()
                .put("crit", var("float", null, "The threshold"))
                .put("period", var("duration", 10_000_000_000L, ""))
                .put("where", var("lambda", "\"host\" == 'a'", "")),
            r.json().getJsonObject("vars"));
    }

    @Test
    void badTemplatesAre400s() {
        assertError(createTemplate("bad id", TICK), 400,
            "template ID must contain only letters, numbers, '-', '.' and '_'. \"bad id\"");
        assertError(createTemplate("t", "var x = 5\n"), 400, "invalid task type: invalid");
        assertError(createTemplate("t", "stream\n    |from()\n        .nope()\n"), 400,
            "invalid TICKscript: line 3 char 10: no method or property \"nope\" on *pipeline.FromNode");
        assertError(await(http.post(TEMPLATES, "nope")), 400, "invalid JSON");
        assertEquals(200, createTemplate("t", TICK).status());
        assertError(createTemplate("t", TICK), 400, "template t already exists");
        assertError(get(TEMPLATES + "/missing"), 404, "no template exists");
        assertError(await(http.patch(TEMPLATES + "/missing", new JsonObject().put("script", TICK))), 404,
            "template does not exist, cannot update");
        assertError(get(TEMPLATES + "/t?script-format=x"), 400, "invalid script-format parameter \"x\"");
        assertEquals(1, get(TEMPLATES).json().getJsonArray("templates").size());
    }

    @Test
    void createTaskFromTemplate() {
        assertEquals(200, createTemplate("testTemplateID", MEASUREMENT_TICK).status());
        assertEquals(new JsonObject().put("measurement", var("string", "test", "Configurable measurement")),
            get(TEMPLATES + "/testTemplateID").json().getJsonObject("vars"));
        JsonObject vars = new JsonObject().put("measurement",
            new JsonObject().put("type", "string").put("value", "another_measurement"));
        Http.Response r = await(http.post(TASKS, new JsonObject().put("id", "taskid")
            .put("template-id", "testTemplateID").put("dbrps", DBRPS.copy()).put("vars", vars)));
        assertEquals(200, r.status(), r.text());
        JsonObject t = r.json();
        assertEquals("testTemplateID", t.getString("template-id"));
        assertEquals("stream", t.getString("type"));
        assertEquals(MEASUREMENT_TICK, t.getString("script"));
        assertEquals("digraph taskid {\nstream0 -> from1;\n}", t.getString("dot"));
        assertEquals("disabled", t.getString("status"));
        assertEquals(DBRPS, t.getJsonArray("dbrps"));
        assertEquals(new JsonObject().put("measurement", var("string", "another_measurement", "")),
            t.getJsonObject("vars"));
        assertEquals("testTemplateID", get(TASKS + "?fields=template-id").json().getJsonArray("tasks")
            .getJsonObject(0).getString("template-id"));
    }

    @Test
    void taskVarsAreChecked() {
        createTemplate("tpl", "var crit float\nvar period duration\n\nstream\n    |from()\n    |window()\n"
            + "        .period(period)\n        .every(period)\n    |alert()\n        .crit(lambda: \"v\" > crit)\n");
        JsonObject base = new JsonObject().put("template-id", "tpl").put("dbrps", DBRPS.copy());
        assertError(await(http.post(TASKS, base.copy().put("id", "a"))), 400,
            "invalid TICKscript: missing value for var \"crit\".");
        assertError(await(http.post(TASKS, base.copy().put("id", "a").put("vars", new JsonObject()
                .put("crit", new JsonObject().put("type", "int").put("value", 5))
                .put("period", new JsonObject().put("type", "duration").put("value", "10s"))))), 400,
            "invalid TICKscript: invalid type supplied for crit, got int exp float");
        assertError(await(http.post(TASKS, base.copy().put("id", "a").put("vars", new JsonObject()
                .put("crit", new JsonObject().put("type", "float").put("value", "high"))))), 400,
            "invalid JSON");
        assertError(await(http.post(TASKS, base.copy().put("id", "a").put("vars", new JsonObject()
                .put("crit", new JsonObject().put("type", "bool").put("value", "high"))))), 400,
            "invalid var crit: unexpected var type bool, value is a string");
        assertError(await(http.post(TASKS, base.copy().put("id", "a").put("vars", new JsonObject()
                .put("crit", new JsonObject().put("type", "string").put("value", true))))), 400,
            "invalid var crit: mismatched type and value: bool string");
        assertEquals(new JsonArray(), get(TASKS).json().getJsonArray("tasks"));

        Http.Response ok = await(http.post(TASKS, base.copy().put("id", "a").put("vars", new JsonObject()
            .put("crit", new JsonObject().put("type", "float").put("value", 90))
            .put("period", new JsonObject().put("type", "duration").put("value", "1m")))));
        assertEquals(200, ok.status(), ok.text());
        assertEquals(new JsonObject().put("crit", var("float", 90, ""))
                .put("period", var("duration", 60_000_000_000L, "")), ok.json().getJsonObject("vars"));
        assertTrue(ok.text().contains("\"value\": 90,"), ok.text());
    }

    @Test
    void unknownTemplateIsA400() {
        assertError(await(http.post(TASKS, new JsonObject().put("id", "a").put("template-id", "nope")
            .put("dbrps", DBRPS.copy()))), 400, "unknown template nope: err: no template exists");
    }

    @Test
    void updateTemplateIdMovesItsTasks() {
        createTemplate("testTemplateID", TICK);
        await(http.post(TASKS, new JsonObject().put("id", "t1").put("template-id", "testTemplateID")
            .put("dbrps", DBRPS.copy()).put("status", "enabled")));
        Http.Response r = await(http.patch(TEMPLATES + "/testTemplateID", new JsonObject().put("id", "newTemplateID")));
        assertEquals(200, r.status(), r.text());
        assertEquals("/kapacitor/v1/templates/newTemplateID", r.json().getJsonObject("link").getString("href"));
        assertEquals("digraph newTemplateID {\nstream0 -> from1;\n}", r.json().getString("dot"));
        assertError(get(TEMPLATES + "/testTemplateID"), 404, "no template exists");
        assertEquals("newTemplateID", get(TASKS + "/t1").json().getString("template-id"));
        assertEquals(List.of("t1"), runner.stops());
        assertEquals(2, runner.starts().size());
    }

    @Test
    void updateTemplateIdOntoAnExistingOneFails() {
        createTemplate("a", TICK);
        createTemplate("b", TICK);
        assertError(await(http.patch(TEMPLATES + "/a", new JsonObject().put("id", "b"))), 500,
            "failed to create new template for ID change: template already exists");
        assertEquals(200, get(TEMPLATES + "/a").status());
    }

    @Test
    void updateTemplateScriptUpdatesTasksWithImplicitDbrps() {
        createTemplate("tpl", TICK);
        await(http.post(TASKS, new JsonObject().put("id", "t1").put("template-id", "tpl").put("dbrps", DBRPS.copy())));
        String implicit = "dbrp \"db\".\"rp\"\n\n" + TICK;
        Http.Response r = await(http.patch(TEMPLATES + "/tpl", new JsonObject().put("script", implicit)));
        assertEquals(200, r.status(), r.text());
        JsonObject t = get(TASKS + "/t1").json();
        assertEquals(implicit, t.getString("script"));
        assertEquals(new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")), t.getJsonArray("dbrps"));
    }

    @Test
    void templateUpdateThatBreaksAnEnabledTaskChangesNothing() {
        createTemplate("tpl", "var x = 5\n\nstream\n    |from()\n    |window()\n        .period(10s)\n"
            + "        .every(10s)\n    |count('value')\n        .as('n')\n    |alert()\n"
            + "        .crit(lambda: \"n\" > x)\n");
        Http.Response task = await(http.post(TASKS, new JsonObject().put("id", "t1").put("template-id", "tpl")
            .put("dbrps", DBRPS.copy()).put("status", "enabled")
            .put("vars", new JsonObject().put("x", new JsonObject().put("type", "int").put("value", 3)))));
        assertEquals(200, task.status(), task.text());
        String before = get(TASKS + "/t1?script-format=raw").text();
        String templateBefore = get(TEMPLATES + "/tpl").text();
        // Still a valid template (x defaults to a string), but the task's int x no longer fits.
        Http.Response r = await(http.patch(TEMPLATES + "/tpl", new JsonObject().put("script",
            "var x = 'five'\n\nstream\n    |from()\n        .measurement(x)\n")));
        assertError(r, 500, "error reloading associated task t1: invalid type supplied for x, got int exp string");
        assertEquals(before, get(TASKS + "/t1?script-format=raw").text());
        assertEquals(templateBefore, get(TEMPLATES + "/tpl").text());
        assertEquals(1, runner.starts().size());
    }

    @Test
    void deleteTemplateOrphansItsTasks() {
        createTemplate("tpl", TICK);
        await(http.post(TASKS, new JsonObject().put("id", "t1").put("template-id", "tpl").put("dbrps", DBRPS.copy())));
        Http.Response r = await(http.delete(TEMPLATES + "/tpl"));
        assertEquals(204, r.status());
        assertError(get(TEMPLATES + "/tpl"), 404, "no template exists");
        assertEquals(204, await(http.delete(TEMPLATES + "/tpl")).status());
        JsonObject t = get(TASKS + "/t1").json();
        assertEquals("tpl", t.getString("template-id"));
        assertEquals("digraph t1 {\nstream0 -> from1;\n}", t.getString("dot"));
        // A new template with the old id does not adopt the task: the association is gone, as in Kapacitor.
        createTemplate("tpl", "var x = 6\n\nstream\n    |from()\n        .measurement('other')\n");
        assertEquals(200, await(http.patch(TEMPLATES + "/tpl", new JsonObject().put("type", "stream"))).status());
        assertEquals(TICK, get(TASKS + "/t1").json().getString("script"));
    }

    @Test
    void listTemplates() {
        for (int i = 0; i < 12; i++) {
            createTemplate("tpl" + i, TICK);
        }
        JsonArray all = get(TEMPLATES).json().getJsonArray("templates");
        assertEquals(12, all.size());
        assertEquals(List.of("created", "dot", "error", "id", "link", "modified", "script", "type"),
            List.copyOf(all.getJsonObject(0).fieldNames()));
        JsonArray some = get(TEMPLATES + "?pattern=tpl1*&fields=vars&offset=1&limit=1").json()
            .getJsonArray("templates");
        assertEquals(new JsonArray().add(new JsonObject().put("id", "tpl10")
            .put("link", new JsonObject().put("rel", "self").put("href", "/kapacitor/v1/templates/tpl10"))
            .put("vars", new JsonObject().put("x", var("int", 5, "")))), some);
        assertError(get(TEMPLATES + "?fields=nope"), 400, "unsupported field \"nope\"");
        assertError(get(TEMPLATES + "?offset=-x"), 400,
            "invalid offset parameter \"-x\" must be an integer: strconv.ParseInt: parsing \"-x\": invalid syntax");
    }

    @Test
    void implicitTemplateUpdatedToExplicitKeepsItsEnabledTasks() {
        String implicit = "dbrp \"telegraf\".\"autogen\"\n\n" + TICK;
        createTemplate("testTemplateID", implicit);
        Http.Response task = await(http.post(TASKS, new JsonObject().put("template-id", "testTemplateID")
            .put("status", "enabled")));
        assertEquals(200, task.status(), task.text());
        String taskId = task.json().getString("id");
        assertEquals(new JsonArray().add(new JsonObject().put("db", "telegraf").put("rp", "autogen")),
            task.json().getJsonArray("dbrps"));

        assertError(await(http.patch(TEMPLATES + "/testTemplateID", new JsonObject().put("script", TICK))), 500,
            "error reloading associated task " + taskId + ": task does contain any dbrps");
        assertEquals(implicit, get(TEMPLATES + "/testTemplateID?script-format=raw").json().getString("script"));

        String twoDbrps = "dbrp \"telegraf\".\"autogen\"\n\ndbrp \"telegraf\".\"not_autogen\"\n\n" + TICK;
        Http.Response r = await(http.patch(TEMPLATES + "/testTemplateID", new JsonObject().put("script", twoDbrps)));
        assertEquals(200, r.status(), r.text());
        assertEquals(new JsonArray().add(new JsonObject().put("db", "telegraf").put("rp", "autogen"))
                .add(new JsonObject().put("db", "telegraf").put("rp", "not_autogen")),
            get(TASKS + "/" + taskId).json().getJsonArray("dbrps"));
        assertEquals(2, runner.starts().get(runner.starts().size() - 1).dbrps().size());
    }
}
