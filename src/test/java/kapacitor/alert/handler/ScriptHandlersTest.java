package kapacitor.alert.handler;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handlers declared in a TICKscript ({@code .slack().channel(...)}, {@code .telegram()...}) reach their services. */
class ScriptHandlersTest {
    @Test
    void slackAndTelegramFromAScript() throws Exception {
        int port = Http.freePort();
        Path conf = Files.createTempFile("kapacitor-handlers", ".conf");
        Files.writeString(conf, "[[slack]]\n  enabled = true\n  url = \"http://127.0.0.1:" + port + "/slack\"\n"
            + "[telegram]\n  enabled = true\n  url = \"http://127.0.0.1:" + port + "/bot\"\n  token = \"T\"\n");
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()))) {
            Map<String, String> bodies = new ConcurrentHashMap<>();
            CountDownLatch both = new CountDownLatch(2);
            HttpServer peer = await(server.vertx().createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
                bodies.put(req.path(), b.toString());
                both.countDown();
                req.response().end();
            })).listen(port, "127.0.0.1"));
            JsonObject task = new JsonObject().put("id", "h").put("type", "stream").put("status", "enabled")
                .put("dbrps", new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")))
                .put("script", "stream\n    |from()\n        .measurement('cpu')\n    |alert()\n"
                    + "        .message('hot')\n        .crit(lambda: \"value\" > 80)\n"
                    + "        .slack()\n            .channel('#ops')\n            .iconEmoji(':fire:')\n"
                    + "        .telegram()\n            .chatId('42')\n            .disableNotification()\n");
            assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task)).status());
            assertEquals(204, await(server.http().post("/write?db=db&rp=rp", "cpu value=90 1000000000\n")).status());
            assertTrue(both.await(10, TimeUnit.SECONDS), "both services were called: " + bodies.keySet());
            assertEquals("{\"attachments\":[{\"fallback\":\"hot\",\"color\":\"danger\",\"text\":\"hot\","
                + "\"mrkdwn_in\":[\"text\"]}],\"channel\":\"#ops\",\"icon_emoji\":\":fire:\",\"text\":\"\","
                + "\"username\":\"kapacitor\"}\n", bodies.get("/slack"));
            assertEquals("{\"chat_id\":\"42\",\"disable_notification\":true,\"text\":\"hot\"}\n",
                bodies.get("/botT/sendMessage"));
            await(peer.close());
        }
    }
}
