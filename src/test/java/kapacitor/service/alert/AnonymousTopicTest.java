package kapacitor.service.alert;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.api.alerts.ContextHttp;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task's anonymous topic is listed while the task runs, hidden while it is disabled, and back when enabled. */
class AnonymousTopicTest {
    private static final String TOPIC = "/kapacitor/v1/alerts/topics/main:anon_task:alert2";

    @Test
    void disablingTheTaskClosesItsAnonymousTopicAndEnablingRestoresIt() throws Exception {
        try (TestServer server = TestServer.postgres()) {
            ContextHttp http = new ContextHttp(server.vertx(), server.http().port());
            JsonObject task = new JsonObject()
                .put("id", "anon_task")
                .put("type", "stream")
                .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
                .put("script", "stream\n    |from()\n        .measurement('cpu')\n"
                    + "    |alert()\n        .id('cpu')\n        .crit(lambda: \"value\" > 80)\n"
                    + "        .log('/dev/null')\n")
                .put("status", "enabled");
            assertEquals(200, await(http.post("/kapacitor/v1/tasks", task.encode())).status());
            assertEquals(204, await(http.post("/write?db=mydb&rp=myrp", "cpu value=90 1000000000\n")).status());
            JsonObject event = null;
            for (int i = 0; i < 200 && event == null; i++) {
                var r = await(http.get(TOPIC + "/events/cpu"));
                event = r.status() == 200 ? r.json() : null;
                Thread.sleep(event == null ? 25 : 0);
            }
            assertEquals("CRITICAL", event.getJsonObject("state").getString("level"));

            assertEquals(200, await(http.request(HttpMethod.PATCH, "/kapacitor/v1/tasks/anon_task",
                "{\"status\":\"disabled\"}")).status());
            assertEquals(404, await(http.get(TOPIC)).status());

            assertEquals(200, await(http.request(HttpMethod.PATCH, "/kapacitor/v1/tasks/anon_task",
                "{\"status\":\"enabled\"}")).status());
            JsonObject topic = await(http.get(TOPIC)).json();
            assertEquals("CRITICAL", topic.getString("level"));
            assertEquals(0L, topic.getLong("collected"));
        }
    }
}
