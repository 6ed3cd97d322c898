package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PagerDuty, OpsGenie and friends against a local peer: the requests of Kapacitor's TestServer_AlertHandlers. */
class IncidentHandlersTest {
    private Vertx vertx;
    private FakeConfig config;
    private HttpPeer peer;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        config = new FakeConfig(vertx);
        peer = new HttpPeer(vertx);
        ServerUrl.set(vertx, "http://localhost:9092/kapacitor/v1");
    }

    @AfterEach
    void tearDown() {
        peer.close();
        await(vertx.close());
    }

    private void handle(String kind, JsonObject options) {
        AlertHandler h = HandlerFactory.create(vertx, kind, options);
        try {
            await(h.handle(Events.critical()));
        } finally {
            h.close();
        }
    }

    @Test
    void pagerDutyTriggersWithTheServiceKey() throws Exception {
        config.put("pagerduty", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("service-key", ""));
        handle("pagerduty", new JsonObject().put("service-key", "service_key"));
        HttpPeer.Request r = peer.next();
        assertEquals("POST", r.method());
        assertEquals("/", r.uri());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals("{\"client\":\"kapacitor\",\"client_url\":\"http://localhost:9092/kapacitor/v1\","
            + "\"description\":\"message\",\"details\":\"details\",\"event_type\":\"trigger\",\"incident_key\":\"id\","
            + "\"service_key\":\"service_key\"}\n", r.body());
    }

    @Test
    void pagerDutyReportsTheApiMessage() {
        config.put("pagerduty", new JsonObject().put("enabled", true).put("url", peer.url("/")));
        peer.answer(400, "{\"message\":\"Event object is invalid\"}");
        AlertHandler h = HandlerFactory.create(vertx, "pagerduty", new JsonObject());
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("Event object is invalid", e.getMessage());
        h.close();
    }

    @Test
    void pagerDuty2SendsTemplatedLinksAndTheResult() throws Exception {
        config.put("pagerduty2", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("routing-key", ""));
        peer.answer(202, "");
        handle("pagerduty2", new JsonObject().put("routing-key", "rkey").put("links", new JsonArray()
            .add(new JsonObject().put("href", "http://example.com").put("text", "t1"))
            .add(new JsonObject().put("href", "http://example.com/{{.TaskName}}").put("text", "t2"))));
        HttpPeer.Request r = peer.next();
        assertEquals("/", r.uri());
        assertEquals("application/vnd.pagerduty+json;version=2", r.headers().get("Accept"));
        assertEquals("{\"routing_key\":\"rkey\",\"event_action\":\"trigger\",\"dedup_key\":\"id\",\"payload\":{"
            + "\"summary\":\"message\",\"source\":\"unknown\",\"severity\":\"critical\","
            + "\"timestamp\":\"1970-01-01T00:00:00.000000000Z\",\"class\":\"testAlertHandlers\",\"component\":\"\","
            + "\"group\":\"\",\"custom_details\":{\"result\":" + Events.RESULT + "}},\"images\":null,\"links\":["
            + "{\"href\":\"http://example.com\",\"text\":\"t1\"},"
            + "{\"href\":\"http://example.com/testAlertHandlers\",\"text\":\"t2\"}],"
            + "\"client\":\"kapacitor\",\"client_url\":\"http://localhost:9092/kapacitor/v1\"}\n", r.body());
    }

    @Test
    void pagerDuty2LinksAreCheckedLikeMapstructure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandlerFactory.create(vertx,
            "pagerduty2", new JsonObject().put("links", new JsonArray().add(new JsonObject().put("url", "x")))));
        assertEquals("failed to decode options: 'links[0]' has invalid keys: url", e.getMessage());
    }

    @Test
    void opsGenieSendsTheApiKeyInTheBody() throws Exception {
        config.put("opsgenie", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("recovery_url", peer.url("/recover")).put("api-key", "api_key"));
        handle("opsgenie", new JsonObject().put("teams-list", new JsonArray().add("A team").add("B team"))
            .put("recipients-list", new JsonArray().add("test_recipient1").add("test_recipient2")));
        HttpPeer.Request r = peer.next();
        assertEquals("/", r.uri());
        assertEquals("{\"alias\":\"id\",\"apiKey\":\"api_key\",\"description\":" + quoted(Events.RESULT)
            + ",\"details\":{\"Level\":\"CRITICAL\",\"Monitoring Tool\":\"Kapacitor\"},\"entity\":\"id\","
            + "\"message\":\"message\",\"monitoring_tool\":\"kapacitor\",\"note\":\"\","
            + "\"recipients\":[\"test_recipient1\",\"test_recipient2\"],\"teams\":[\"A team\",\"B team\"]}\n",
            r.body());
    }

    @Test
    void opsGenie2UsesGenieKeyAndResponders() throws Exception {
        config.put("opsgenie2", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("api-key", "api_key").put("recovery_action", "notes").put("details", false));
        peer.answer(202, "");
        handle("opsgenie2", new JsonObject().put("teams-list", new JsonArray().add("A team").add("B team"))
            .put("recipients-list", new JsonArray().add("test_recipient1").add("test_recipient2")));
        HttpPeer.Request r = peer.next();
        assertEquals("/", r.uri());
        assertEquals("GenieKey api_key", r.headers().get("Authorization"));
        assertEquals("{\"alias\":\"aWQ=\",\"description\":" + quoted(Events.RESULT) + ",\"details\":{"
            + "\"Kapacitor Task Name\":\"alert\",\"Level\":\"CRITICAL\",\"Monitoring Tool\":\"Kapacitor\"},"
            + "\"entity\":\"id\",\"message\":\"message\",\"note\":\"\",\"priority\":\"P1\",\"responders\":["
            + "{\"name\":\"A team\",\"type\":\"team\"},{\"name\":\"B team\",\"type\":\"team\"},"
            + "{\"type\":\"user\",\"username\":\"test_recipient1\"},"
            + "{\"type\":\"user\",\"username\":\"test_recipient2\"}]}\n", r.body());
    }

    @Test
    void opsGenie2RecoveryGoesToTheAliasAction() throws Exception {
        config.put("opsgenie2", new JsonObject().put("enabled", true).put("url", peer.url("/v2/alerts"))
            .put("api-key", "k").put("recovery_action", "bogus"));
        peer.answer(202, "");
        AlertHandler h = HandlerFactory.create(vertx, "opsgenie2", new JsonObject().put("recovery_action", "close"));
        await(h.handle(Events.at(kapacitor.alert.Level.OK)));
        h.close();
        HttpPeer.Request r = peer.next();
        assertEquals("/v2/alerts/aWQ=/close?identifierType=alias", r.uri());
        assertEquals("{\"note\":\"message\"}\n", r.body());
    }

    @Test
    void alertaRendersTemplatesWithDefaults() throws Exception {
        config.put("alerta", new JsonObject().put("enabled", true).put("url", peer.url("")).put("token", "")
            .put("token-prefix", "").put("environment", "").put("origin", ""));
        peer.answer(201, "");
        handle("alerta", new JsonObject().put("token", "testtoken1234567").put("token-prefix", "Bearer")
            .put("origin", "kapacitor").put("group", "test").put("environment", "env")
            .put("timeout", 86_400_000_000_000L).put("attributes", new JsonObject().put("task", "{{.TaskName}}")
                .put("n", 9001.0)));
        HttpPeer.Request r = peer.next();
        assertEquals("/alert", r.uri());
        assertEquals("Bearer testtoken1234567", r.headers().get("Authorization"));
        assertEquals("{\"attributes\":{\"n\":9001,\"task\":\"testAlertHandlers\"},\"correlate\":[\"alert\"],"
            + "\"environment\":\"env\",\"event\":\"id\",\"group\":\"test\",\"origin\":\"kapacitor\","
            + "\"rawData\":" + Events.RESULT + ",\"resource\":\"alert\",\"service\":[\"alert\"],"
            + "\"severity\":\"critical\",\"tags\":[],\"text\":\"message\",\"timeout\":86400,\"value\":\"\"}\n",
            r.body());
    }

    @Test
    void alertaTimeoutIsADurationNotAString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HandlerFactory.create(vertx, "alerta", new JsonObject().put("timeout", "24h")));
        assertEquals("failed to decode options into *alerta.HandlerConfig: 1 error(s) decoding:\n\n"
            + "* 'timeout' expected type 'time.Duration', got unconvertible type 'string'", e.getMessage());
    }

    @Test
    void bigPandaPostsCompactJsonWithTheToken() throws Exception {
        config.put("bigpanda", new JsonObject().put("enabled", true).put("token", "my-token-123")
            .put("app-key", "my-app-key").put("url", peer.url("/test/bigpanda/alert")).put("auto-attributes", ""));
        peer.answer(201, "");
        handle("bigpanda", new JsonObject().put("app-key", "my-app-key-123456"));
        HttpPeer.Request r = peer.next();
        assertEquals("/test/bigpanda/alert", r.uri());
        assertEquals("Bearer my-token-123", r.headers().get("Authorization"));
        assertEquals("{\"app_key\":\"my-app-key-123456\",\"check\":\"id\",\"description\":\"message\","
            + "\"details\":\"details\",\"host\":\"\",\"status\":\"critical\",\"task\":\"testAlertHandlers:alert\","
            + "\"timestamp\":0}", r.body());
    }

    @Test
    void bigPandaAddsTagsFieldsAndTemplatedAttributes() throws Exception {
        config.put("bigpanda", new JsonObject().put("enabled", true).put("token", "t").put("app-key", "k")
            .put("url", peer.url("/a")).put("auto-attributes", "tags,fields"));
        peer.answer(201, "");
        kapacitor.alert.EventData d = new kapacitor.alert.EventData("cpu", "task", "", "", kapacitor.model.Tags.of(
            java.util.Map.of("region", "eu")), kapacitor.model.Fields.of(java.util.Map.of("value", 1.0)), true,
            java.util.List.of());
        AlertHandler h = HandlerFactory.create(vertx, "bigpanda", new JsonObject().put("host", "{{.Tags.region}}-h")
            .put("attributes", new JsonObject().put("n", 3)));
        await(h.handle(new kapacitor.alert.AlertEvent("t", new kapacitor.alert.EventState("id", "m",
            "&lt;b&gt;", 5_500_000_000L, 0, kapacitor.alert.Level.WARNING), d, null, false)));
        h.close();
        assertEquals("{\"app_key\":\"k\",\"check\":\"id\",\"description\":\"m\",\"details\":\"\\u003cb\\u003e\","
            + "\"host\":\"eu-h\",\"n\":\"3\",\"region\":\"eu\",\"status\":\"warning\",\"task\":\"task:cpu\","
            + "\"timestamp\":5,\"value\":\"1\"}", peer.next().body());
    }

    @Test
    void serviceNowSendsOneRecordWithBasicAuth() throws Exception {
        config.put("servicenow", new JsonObject().put("enabled", true).put("url", peer.url("/api/global/em/jsonv2"))
            .put("source", "Kapacitor").put("username", "").put("password", ""));
        handle("servicenow", new JsonObject().put("source", "Kapacitor"));
        HttpPeer.Request r = peer.next();
        assertEquals("/api/global/em/jsonv2", r.uri());
        assertEquals(null, r.headers().get("Authorization"));
        assertEquals("{\"records\":[{\"source\":\"Kapacitor\",\"message_key\":\"id\",\"severity\":\"1\","
            + "\"description\":\"message\"}]}", r.body());

        config.put("servicenow", new JsonObject().put("enabled", true).put("url", peer.url("/em"))
            .put("source", "cfg").put("username", "u").put("password", "p"));
        handle("servicenow", new JsonObject().put("node", "{{.TaskName}}").put("MetricName", "{{.Name}}")
            .put("additional_info", new JsonObject().put("id", "{{.ID}}").put("n", 2.5)));
        r = peer.next();
        assertEquals("Basic dTpw", r.headers().get("Authorization"));
        assertEquals("{\"records\":[{\"source\":\"cfg\",\"node\":\"testAlertHandlers\",\"metric_name\":\"alert\","
            + "\"message_key\":\"id\",\"severity\":\"1\",\"description\":\"message\","
            + "\"additional_info\":\"{\\\"id\\\":\\\"id\\\",\\\"n\\\":\\\"2.5\\\"}\"}]}", r.body());
    }

    @Test
    void zenossCallsTheEventsRouter() throws Exception {
        config.put("zenoss", new JsonObject().put("enabled", true).put("url", peer.url("/zport/dmd/evconsole_router"))
            .put("action", "EventsRouter").put("method", "add_event").put("type", "rpc").put("tid", 1)
            .put("collector", "").put("severity-map", new JsonObject().put("OK", "Clear").put("Info", "Info")
                .put("Warning", "Warning").put("Critical", "Critical")));
        handle("zenoss", new JsonObject().put("action", "EventsRouter").put("method", "add_event").put("type", "rpc")
            .put("TID", 1));
        HttpPeer.Request r = peer.next();
        assertEquals("/zport/dmd/evconsole_router", r.uri());
        assertEquals("{\"action\":\"EventsRouter\",\"method\":\"add_event\",\"data\":[{\"component\":\"\","
            + "\"device\":\"\",\"evclass\":\"\",\"evclasskey\":\"\",\"severity\":\"Critical\","
            + "\"summary\":\"message\"}],\"type\":\"rpc\",\"tid\":1}", r.body());
    }

    @Test
    void zenossTemplatesAndCustomFields() throws Exception {
        config.put("zenoss", new JsonObject().put("enabled", true).put("url", peer.url("/z")).put("action", "A")
            .put("method", "m").put("type", "rpc").put("tid", 7).put("collector", "Kapacitor")
            .put("severity-map", new JsonObject().put("Critical", 5)));
        handle("zenoss", new JsonObject().put("device", "{{.TaskName}}").put("message", "{{.Level}}")
            .put("customField", new JsonObject().put("j", "{\"a\":1}").put("t", "{{.ID}}")));
        assertEquals("{\"action\":\"A\",\"method\":\"m\",\"data\":[{\"collector\":\"Kapacitor\",\"component\":\"\","
            + "\"device\":\"testAlertHandlers\",\"evclass\":\"\",\"evclasskey\":\"\",\"j\":{\"a\":1},"
            + "\"message\":\"CRITICAL\",\"severity\":5,\"summary\":\"message\",\"t\":\"id\"}],\"type\":\"rpc\","
            + "\"tid\":7}", peer.next().body());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
