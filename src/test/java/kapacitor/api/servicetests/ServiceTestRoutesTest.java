package kapacitor.api.servicetests;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /kapacitor/v1/service-tests over real HTTP, with slack configured to post to a local peer. */
class ServiceTestRoutesTest {
    private static final String BASE = "/kapacitor/v1/service-tests";
    private static TestServer server;
    private static HttpServer peer;
    private static final LinkedBlockingQueue<String> slackBodies = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        int peerPort = Http.freePort();
        Path conf = Files.createTempFile("kapacitor-servicetests", ".conf");
        Files.writeString(conf, "[[slack]]\n  enabled = true\n  default = true\n  workspace = \"\"\n"
            + "  url = \"http://127.0.0.1:" + peerPort + "/slack\"\n  channel = \"#general\"\n"
            + "[teams]\n  enabled = false\n");
        server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()));
        peer = await(server.vertx().createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            slackBodies.add(b.toString());
            req.response().end();
        })).listen(peerPort, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        await(peer.close());
        server.close();
    }

    private static List<String> names(JsonObject list) {
        List<String> out = new ArrayList<>();
        list.getJsonArray("services").forEach(s -> out.add(((JsonObject) s).getString("name")));
        return out;
    }

    @Test
    void listsTheTestableServicesSorted() {
        Http.Response r = await(server.http().get(BASE));
        assertEquals(200, r.status());
        assertTrue(r.text().endsWith("}\n"), "json.Encoder's trailing newline");
        JsonObject body = r.json();
        assertEquals(new JsonObject().put("rel", "self").put("href", BASE), body.getJsonObject("link"));
        assertEquals(List.of("alerta", "bigpanda", "discord", "hipchat", "httppost", "kafka", "mqtt", "opsgenie",
            "opsgenie2", "pagerduty", "pagerduty2", "pushover", "sensu", "servicenow", "slack", "smtp", "snmptrap",
            "talk", "teams", "telegram", "victorops", "zenoss"), names(body));
    }

    @Test
    void patternFiltersAndABadPatternIs400() {
        assertEquals(List.of("sensu", "servicenow", "slack", "smtp", "snmptrap"),
            names(await(server.http().get(BASE + "?pattern=s*")).json()));
        Http.Response none = await(server.http().get(BASE + "?pattern=zz*"));
        assertEquals(200, none.status());
        assertEquals(null, none.json().getValue("services"));
        Http.Response bad = await(server.http().get(BASE + "?pattern=%5B"));
        assertEquals(400, bad.status());
        assertEquals("bad pattern: syntax error in pattern", bad.json().getString("error"));
    }

    @Test
    void configReadDefaultsMatchKapacitorsDefaultConfig() {
        assertEquals(new JsonObject().put("teams", null).put("recipients", null).put("recovery_action", "notes")
                .put("message-type", "CRITICAL").put("message", "test opsgenie message")
                .put("entity-id", "testEntityID"),
            await(server.http().get(BASE + "/opsgenie2")).json().getJsonObject("options"));
        JsonObject zenoss = await(server.http().get(BASE + "/zenoss")).json().getJsonObject("options");
        assertEquals("EventsRouter", zenoss.getString("action"));
        assertEquals(1, zenoss.getInteger("tid"));
        assertEquals("Kapacitor", zenoss.getString("collector"));
    }

    @Test
    void showsDefaultOptionsFromTheConfig() {
        Http.Response r = await(server.http().get(BASE + "/slack"));
        assertEquals(200, r.status());
        assertEquals("{\"link\":{\"rel\":\"self\",\"href\":\"/kapacitor/v1/service-tests/slack\"},\"name\":\"slack\","
            + "\"options\":{\"workspace\":\"\",\"channel\":\"#general\",\"message\":\"test slack message\","
            + "\"level\":\"CRITICAL\",\"username\":\"\",\"icon-emoji\":\"\"}}\n", r.text());
        JsonObject smtp = await(server.http().get(BASE + "/smtp/")).json().getJsonObject("options");
        assertTrue(smtp.containsKey("to") && smtp.getValue("to") == null, "nil to is null: " + smtp);
        assertEquals("test subject", smtp.getString("subject"));
    }

    @Test
    void unknownServiceIs404AndMissingNameIs400() {
        Http.Response r = await(server.http().get(BASE + "/nope"));
        assertEquals(404, r.status());
        assertEquals("service \"nope\" not found", r.json().getString("error"));
        Http.Response none = await(server.http().post(BASE + "/", "{}"));
        assertEquals(400, none.status());
        assertEquals("must provide service name", none.json().getString("error"));
    }

    @Test
    void runningATestSendsARealMessage() throws Exception {
        Http.Response r = await(server.http().post(BASE + "/slack", new JsonObject().put("channel", "#ops")
            .put("unknown", 1)));
        assertEquals(200, r.status());
        assertEquals("{\"success\":true,\"message\":\"\"}\n", r.text());
        String body = slackBodies.poll(10, TimeUnit.SECONDS);
        assertNotNull(body);
        assertTrue(body.contains("\"channel\":\"#ops\"") && body.contains("\"text\":\"test slack message\""), body);
    }

    @Test
    void aFailingTestIsStill200() {
        Http.Response r = await(server.http().post(BASE + "/teams", new JsonObject()));
        assertEquals(200, r.status());
        assertEquals(new JsonObject().put("success", false).put("message", "service is not enabled"), r.json());
        Http.Response kafka = await(server.http().post(BASE + "/kafka", ""));
        assertEquals(new JsonObject().put("success", false)
            .put("message", "unknown cluster \"example\""), kafka.json());
    }

    @Test
    void wrongOptionTypeIs400() {
        Http.Response r = await(server.http().post(BASE + "/slack", new JsonObject().put("channel",
            new JsonArray().add(1))));
        assertEquals(400, r.status());
        assertTrue(r.json().getString("error").startsWith("failed to decode JSON body:"), r.text());
    }
}
