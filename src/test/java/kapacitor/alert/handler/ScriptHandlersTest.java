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

    @Test
    void incidentHandlersAndTrapsFromAScript() throws Exception {
        int port = Http.freePort();
        int trapPort = Http.freePort();
        Path conf = Files.createTempFile("kapacitor-handlers", ".conf");
        String base = "http://127.0.0.1:" + port;
        Files.writeString(conf, "[pagerduty2]\n  enabled = true\n  url = \"" + base + "/pd\"\n"
            + "[alerta]\n  enabled = true\n  url = \"" + base + "/alerta\"\n  token = \"tok\"\n"
            + "[opsgenie2]\n  enabled = true\n  url = \"" + base + "/og\"\n  api-key = \"k\"\n"
            + "[snmptrap]\n  enabled = true\n  addr = \"127.0.0.1:" + trapPort + "\"\n  community = \"pub\"\n");
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()))) {
            Map<String, JsonObject> bodies = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(4);
            HttpServer peer = await(server.vertx().createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
                bodies.put(req.path(), new JsonObject(b.toString()));
                all.countDown();
                req.response().end();
            })).listen(port, "127.0.0.1"));
            java.util.concurrent.atomic.AtomicReference<byte[]> trap =
                new java.util.concurrent.atomic.AtomicReference<>();
            io.vertx.core.datagram.DatagramSocket udp = server.vertx().createDatagramSocket();
            udp.handler(p -> {
                trap.set(p.data().getBytes());
                all.countDown();
            });
            await(udp.listen(trapPort, "127.0.0.1"));
            JsonObject task = new JsonObject().put("id", "h2").put("type", "stream").put("status", "enabled")
                .put("dbrps", new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")))
                .put("script", "stream\n    |from()\n        .measurement('cpu')\n    |alert()\n"
                    + "        .message('hot')\n        .crit(lambda: \"value\" > 80)\n"
                    + "        .pagerDuty2()\n            .serviceKey('rk')\n"
                    + "            .link('http://x/{{ .TaskName }}', 'dash')\n"
                    + "        .alerta()\n            .resource('res')\n            .services('a', 'b')\n"
                    + "            .attribute('k', 'v')\n            .attribute('n', 2)\n"
                    + "        .opsGenie2()\n            .teams('t1')\n            .recipients('r1')\n"
                    + "        .snmpTrap('1.1.2')\n            .data('1.1.2.1', 's', '{{.Message}}')\n");
            assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task)).status());
            assertEquals(204, await(server.http().post("/write?db=db&rp=rp", "cpu value=90 1000000000\n")).status());
            assertTrue(all.await(10, TimeUnit.SECONDS), "all services were called: " + bodies.keySet());

            JsonObject pd = bodies.get("/pd");
            assertEquals("rk", pd.getString("routing_key"));
            assertEquals(new JsonArray().add(new JsonObject().put("href", "http://x/h2").put("text", "dash")),
                pd.getJsonArray("links"));
            assertEquals("h2", pd.getJsonObject("payload").getString("class"));
            JsonObject alerta = bodies.get("/alerta/alert");
            assertEquals("res", alerta.getString("resource"));
            assertEquals(new JsonArray().add("a").add("b"), alerta.getJsonArray("service"));
            assertEquals(new JsonObject().put("k", "v").put("n", 2), alerta.getJsonObject("attributes"));
            assertEquals(86400, alerta.getInteger("timeout"));
            JsonObject og = bodies.get("/og");
            assertEquals(new JsonArray().add(new JsonObject().put("name", "t1").put("type", "team"))
                .add(new JsonObject().put("type", "user").put("username", "r1")), og.getJsonArray("responders"));
            Ber.Element msg = Ber.parse(trap.get());
            assertEquals("pub", msg.child(1).text());
            Ber.Element binds = msg.child(2).child(3);
            assertEquals("1.1.2", binds.child(1).child(1).oid());
            assertEquals("hot", binds.child(2).child(1).text());
            await(udp.close());
            await(peer.close());
        }
    }
}
