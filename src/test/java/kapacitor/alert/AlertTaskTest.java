package kapacitor.alert;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** An alert defined over the API fires to a real HTTP peer when written points cross the threshold. */
class AlertTaskTest {
    @Test
    void critAlertIsPostedToTheHandler() throws Exception {
        try (TestServer server = TestServer.postgres()) {
            LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
            int port = Http.freePort();
            HttpServer peer = await(server.vertx().createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    received.add(b.toJsonObject());
                    req.response().end();
                })).listen(port, "127.0.0.1"));
            JsonObject task = new JsonObject()
                .put("id", "cpu_alert")
                .put("type", "stream")
                .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
                .put("script", "stream\n    |from()\n        .measurement('cpu')\n        .groupBy('host')\n"
                    + "    |alert()\n        .id('cpu:{{index .Tags \"host\"}}')\n"
                    + "        .message('{{.ID}} is {{.Level}}')\n        .crit(lambda: \"value\" > 80)\n"
                    + "        .post('http://127.0.0.1:" + port + "/alert')\n")
                .put("status", "enabled");
            assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task)).status());
            assertEquals(204, await(server.http().post("/write?db=mydb&rp=myrp",
                "cpu,host=a value=50 1000000000\ncpu,host=a value=90 2000000000\n")).status());
            JsonObject alert = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(alert, "the alert reached the HTTP peer");
            assertEquals("cpu:a", alert.getString("id"));
            assertEquals("cpu:a is CRITICAL", alert.getString("message"));
            assertEquals("CRITICAL", alert.getString("level"));
            assertEquals("OK", alert.getString("previousLevel"));
            assertEquals("1970-01-01T00:00:02Z", alert.getString("time"));
            JsonObject series = alert.getJsonObject("data").getJsonArray("series").getJsonObject(0);
            assertEquals("cpu", series.getString("name"));
            assertEquals(90.0, series.getJsonArray("values").getJsonArray(0).getDouble(1));

            JsonObject stats = await(server.http().get("/kapacitor/v1/tasks/cpu_alert")).json()
                .getJsonObject("stats").getJsonObject("node-stats").getJsonObject("alert2");
            assertEquals(1L, stats.getLong("crits_triggered"));
            await(peer.close());
        }
    }
}
