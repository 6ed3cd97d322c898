package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.api.Json;
import kapacitor.service.servicetest.ServiceTester;
import kapacitor.service.servicetest.ServiceTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler service tests: Kapacitor's names and default options (TestServer_ListServiceTests), and real runs. */
class HandlerServiceTestsTest {
    private Vertx vertx;
    private FakeConfig config;
    private HttpPeer peer;
    private ServiceTests tests;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        config = new FakeConfig(vertx);
        peer = new HttpPeer(vertx);
        // Kapacitor's default configuration of each section the defaults read.
        config.put("slack", new JsonObject().put("enabled", false).put("default", true).put("workspace", ""));
        config.put("discord", new JsonObject().put("enabled", false).put("default", true).put("workspace", ""));
        for (String s : List.of("victorops", "telegram", "teams", "smtp", "pagerduty", "pagerduty2", "opsgenie",
            "pushover", "hipchat", "alerta", "sensu", "bigpanda", "servicenow", "talk", "snmptrap")) {
            config.put(s, new JsonObject().put("enabled", false));
        }
        config.put("mqtt");
        config.put("opsgenie2", new JsonObject().put("enabled", false).put("recovery_action", "notes")
            .put("teams", new JsonArray()));
        config.put("zenoss", new JsonObject().put("enabled", false).put("action", "EventsRouter")
            .put("method", "add_event").put("type", "rpc").put("tid", 1).put("collector", "Kapacitor"));
        tests = new ServiceTests(HandlerServiceTests.all(vertx));
    }

    @AfterEach
    void tearDown() {
        peer.close();
        await(vertx.close());
    }

    private String options(String name) {
        return Json.compact(await(tests.get(name).options())).toString();
    }

    @Test
    void listsEveryHandlerServiceKapacitorListsSorted() {
        assertEquals(List.of("alerta", "bigpanda", "discord", "hipchat", "httppost", "kafka", "mqtt", "opsgenie",
            "opsgenie2", "pagerduty", "pagerduty2", "pushover", "sensu", "servicenow", "slack", "smtp", "snmptrap",
            "talk", "teams", "telegram", "victorops", "zenoss"),
            tests.matching("").stream().map(ServiceTester::name).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alerta|{\"resource\":\"testResource\",\"event\":\"testEvent\",\"environment\":\"\",\"severity\":\"critical\","
            + "\"group\":\"testGroup\",\"value\":\"testValue\",\"message\":\"test alerta message\",\"origin\":\"\","
            + "\"service\":[\"testServiceA\",\"testServiceB\"],\"correlate\":[\"testServiceX\",\"testServiceY\"],"
            + "\"attributes\":{\"testAttributeA\":\"A\",\"testAttributeB\":true,\"testAttributeC\":9001},"
            + "\"timeout\":\"24h0m0s\"}",
        "discord|{\"workspace\":\"\",\"message\":\"test discord message\",\"level\":\"INFO\","
            + "\"username\":\"Kapacitor\","
            + "\"avatar-url\":\"https://influxdata.github.io/branding/img/downloads/influxdata-logo--symbol--pool-"
            + "alpha.png\",\"embed-title\":\"Kapacitor Alert\",\"time-val\":\"1970-01-01T00:00:01Z\"}",
        "hipchat|{\"room\":\"\",\"message\":\"test hipchat message\",\"level\":\"CRITICAL\"}",
        "httppost|{\"endpoint\":\"example\",\"url\":\"http://localhost:3000/\",\"headers\":{\"Auth\":\"secret\"},"
            + "\"timeout\":0}",
        "opsgenie|{\"teams\":null,\"recipients\":null,\"message-type\":\"CRITICAL\","
            + "\"message\":\"test opsgenie message\","
            + "\"entity-id\":\"testEntityID\"}",
        "opsgenie2|{\"teams\":null,\"recipients\":null,\"recovery_action\":\"notes\",\"message-type\":\"CRITICAL\","
            + "\"message\":\"test opsgenie message\",\"entity-id\":\"testEntityID\"}",
        "pagerduty|{\"incident-key\":\"testIncidentKey\",\"description\":\"test pagerduty message\",\"details\":\"\","
            + "\"level\":\"CRITICAL\"}",
        "pagerduty2|{\"alert_id\":\"testAlertID\",\"description\":\"test pagerduty2 message\",\"level\":\"CRITICAL\","
            + "\"event_data\":{\"Name\":\"testPagerDuty2\",\"TaskName\":\"\",\"Category\":\"\",\"Group\":\"\","
            + "\"Tags\":{},"
            + "\"Fields\":{},\"Recoverable\":false,\"Result\":{\"series\":null}},"
            + "\"timestamp\":\"2014-11-12T11:45:26.371Z\","
            + "\"links\":[{\"href\":\"https://example.com/a\",\"text\":\"a\"},"
            + "{\"href\":\"https://example.com/b\",\"text\":\"b\"}]}",
        "pushover|{\"user-key\":\"\",\"message\":\"test pushover message\",\"device\":\"\",\"title\":\"\",\"url\":\"\","
            + "\"url-title\":\"\",\"sound\":\"\",\"level\":\"CRITICAL\"}",
        "sensu|{\"name\":\"testName\",\"source\":\"Kapacitor\",\"output\":\"testOutput\",\"handlers\":[],"
            + "\"metadata\":{},"
            + "\"level\":\"CRITICAL\"}",
        "servicenow|{\"alert_id\":\"1001\",\"message\":\"test servicenow message\",\"level\":\"CRITICAL\","
            + "\"source\":\"Kapacitor\",\"node\":\"\",\"type\":\"\",\"resource\":\"\",\"metric_name\":\"\","
            + "\"message_key\":\"\",\"additional_info\":{}}",
        "snmptrap|{\"trap-oid\":\"1.1.1.1\",\"data-list\":[{\"oid\":\"1.1.1.1.2\",\"type\":\"s\","
            + "\"value\":\"test snmptrap message\"}]}",
        "talk|{\"title\":\"testTitle\",\"text\":\"test talk text\"}",
        "zenoss|{\"alert_id\":\"1001\",\"level\":\"CRITICAL\",\"message\":\"test zenoss message\","
            + "\"action\":\"EventsRouter\",\"method\":\"add_event\",\"type\":\"rpc\",\"tid\":1,\"summary\":\"\","
            + "\"device\":\"\",\"component\":\"\",\"eventclasskey\":\"\",\"eventclass\":\"\","
            + "\"collector\":\"Kapacitor\","
            + "\"custom_fields\":{}}"})
    void defaultOptionsAreKapacitors(String name, String expected) {
        assertEquals(expected, options(name));
    }

    @Test
    void bigPandaDefaultsCarryTheCurrentTime() {
        JsonObject o = new JsonObject(options("bigpanda"));
        assertEquals(List.of("app_key", "message", "level", "event_data", "timestamp", "host", "primary_property",
            "secondary_property"), List.copyOf(o.fieldNames()));
        assertEquals("012345", o.getString("app_key"));
        assertEquals("serverA", o.getString("host"));
        assertTrue(o.getString("timestamp").endsWith("Z"), o.getString("timestamp"));
        HandlerServiceTests.rfc3339Nanos(o.getString("timestamp"));
    }

    private void run(String name, JsonObject posted) {
        ServiceTester t = tests.get(name);
        await(t.test(ServiceTests.overlay(await(t.options()), posted)));
    }

    @Test
    void pagerDutyTestSendsTheDefaultsWithTheConfiguredKey() throws Exception {
        config.put("pagerduty", new JsonObject().put("enabled", true).put("url", peer.url("/pd"))
            .put("service-key", "sk"));
        run("pagerduty", null);
        assertEquals("{\"client\":\"kapacitor\",\"client_url\":\"\",\"description\":\"test pagerduty message\","
            + "\"details\":\"\",\"event_type\":\"trigger\",\"incident_key\":\"testIncidentKey\","
            + "\"service_key\":\"sk\"}\n",
            peer.next().body());
    }

    @Test
    void talkAndHipChatTestsPost() throws Exception {
        config.put("talk", new JsonObject().put("enabled", true).put("url", peer.url("/talk"))
            .put("author_name", "K"));
        run("talk", new JsonObject().put("title", "T"));
        assertEquals("{\"authorName\":\"K\",\"text\":\"test talk text\",\"title\":\"T\"}\n", peer.next().body());
        config.put("hipchat", new JsonObject().put("enabled", true).put("url", peer.url("/v2/room"))
            .put("room", "r").put("token", "tok"));
        run("hipchat", null);
        HttpPeer.Request r = peer.next();
        assertEquals("/v2/room/r/notification?auth_token=tok", r.uri());
    }

    @Test
    void httpPostTestPostsTheZeroAlertWithTheHeaders() throws Exception {
        run("httppost", new JsonObject().put("url", peer.url("/hook")).put("headers", new JsonObject()
            .put("Auth", "secret")));
        HttpPeer.Request r = peer.next();
        assertEquals("/hook", r.uri());
        assertEquals("secret", r.headers().get("Auth"));
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals("{\"id\":\"\",\"message\":\"\",\"details\":\"\",\"time\":\"0001-01-01T00:00:00Z\",\"duration\":0,"
            + "\"level\":\"OK\",\"data\":{\"series\":null},\"previousLevel\":\"OK\",\"recoverable\":false}\n",
            r.body());
    }

    @Test
    void disabledServicesAndBadLevelsFail() {
        Exception e = assertThrows(Exception.class, () -> run("pushover", null));
        assertEquals("service is not enabled", e.getMessage());
        config.put("opsgenie2", new JsonObject().put("enabled", true).put("url", peer.url("/")));
        Exception level = assertThrows(Exception.class, () -> run("opsgenie2",
            new JsonObject().put("message-type", "BOGUS")));
        assertEquals("unknown alert level 'BOGUS'", level.getMessage());
        Exception og = assertThrows(Exception.class, () -> run("opsgenie2", null));
        assertEquals("opsgenie error: failed to understand OpsGenie response. code: 200 content: ", og.getMessage());
    }
}
