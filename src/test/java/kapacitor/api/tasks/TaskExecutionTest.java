package kapacitor.api.tasks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path as a user drives it: define and enable a task over HTTP, write points, read its httpOut. */
class TaskExecutionTest {
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

    @Test
    void enabledTaskProcessesWrittenPointsAndServesHttpOut() throws Exception {
        JsonObject task = new JsonObject()
            .put("id", "cpu_mean")
            .put("type", "stream")
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
            .put("script", "stream\n    |from()\n        .measurement('cpu')\n        .groupBy('host')\n"
                + "    |window()\n        .period(10s)\n        .every(10s)\n    |mean('value')\n    |httpOut('m')\n")
            .put("status", "enabled");
        Http.Response created = await(http.post("/kapacitor/v1/tasks", task));
        assertEquals(200, created.status(), created.text());
        assertEquals(true, created.json().getBoolean("executing"));

        StringBuilder lines = new StringBuilder();
        for (int s = 0; s <= 10; s++) {
            lines.append("cpu,host=a value=").append(s).append(' ').append(s * 1_000_000_000L).append('\n');
        }
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp", lines.toString())).status());

        String expected = "{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"a\"},\"columns\":[\"time\",\"mean\"],"
            + "\"values\":[[\"1970-01-01T00:00:10Z\",4.5]]}]}";
        Http.Response out = null;
        for (int i = 0; i < 100; i++) {
            out = await(http.get("/kapacitor/v1/tasks/cpu_mean/m"));
            if (out.status() == 200 && out.text().contains("4.5")) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(200, out.status());
        assertEquals(expected, out.text().trim());

        JsonObject info = await(http.get("/kapacitor/v1/tasks/cpu_mean")).json();
        assertTrue(info.getString("dot").contains("stream0 -> from1 [processed=\"11\"];"), info.getString("dot"));
        assertEquals(11L, info.getJsonObject("stats").getJsonObject("node-stats").getJsonObject("from1")
            .getLong("emitted"));

        Http.Response disabled = await(http.patch("/kapacitor/v1/tasks/cpu_mean",
            new JsonObject().put("status", "disabled")));
        assertEquals(200, disabled.status());
        assertEquals(false, disabled.json().getBoolean("executing"));
        assertEquals(404, await(http.get("/kapacitor/v1/tasks/cpu_mean/m")).status());
    }
}
