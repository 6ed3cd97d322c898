package kapacitor.api.alerts;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every alert route over real HTTP, with Kapacitor's statuses, texts and JSON shapes. */
class AlertRoutesTest {
    private static final String TOPICS = "/kapacitor/v1/alerts/topics";
    private static TestServer server;
    private static ContextHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
        http = new ContextHttp(server.vertx(), server.http().port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void collect(String topic, String id, Level level, long time) {
        Topics.of(server.vertx()).collect(new AlertEvent(topic,
            new EventState(id, id + " is " + level, "details", time, 0, level), EventData.empty(), null, false));
    }

    private static Http.Response send(HttpMethod m, String uri, String body) {
        return await(http.request(m, uri, body));
    }

    private static void assertError(Http.Response r, int status, String text) {
        assertEquals(status, r.status(), r.text());
        assertEquals(text, r.json().getString("error"));
    }

    @Test
    void listsTopicsWithLinksFilteredByLevelAndPattern() {
        collect("routes_crit", "e1", Level.CRITICAL, 1_000_000_000L);
        collect("routes_ok", "e1", Level.OK, 2_000_000_000L);
        Http.Response r = send(HttpMethod.GET, TOPICS + "?min-level=WARNING&pattern=routes_*", null);
        assertEquals(200, r.status());
        assertEquals("{\n"
            + "    \"link\": {\n"
            + "        \"rel\": \"self\",\n"
            + "        \"href\": \"/kapacitor/v1/alerts/topics?min-level=WARNING\\u0026pattern=routes_*\"\n"
            + "    },\n"
            + "    \"topics\": [\n"
            + "        {\n"
            + "            \"link\": {\n"
            + "                \"rel\": \"self\",\n"
            + "                \"href\": \"/kapacitor/v1/alerts/topics/routes_crit\"\n"
            + "            },\n"
            + "            \"id\": \"routes_crit\",\n"
            + "            \"level\": \"CRITICAL\",\n"
            + "            \"collected\": 1,\n"
            + "            \"events-link\": {\n"
            + "                \"rel\": \"events\",\n"
            + "                \"href\": \"/kapacitor/v1/alerts/topics/routes_crit/events\"\n"
            + "            },\n"
            + "            \"handlers-link\": {\n"
            + "                \"rel\": \"handlers\",\n"
            + "                \"href\": \"/kapacitor/v1/alerts/topics/routes_crit/handlers\"\n"
            + "            }\n"
            + "        }\n"
            + "    ]\n"
            + "}", r.text());
        JsonArray all = send(HttpMethod.GET, TOPICS + "?pattern=routes_*", null).json().getJsonArray("topics");
        assertEquals(2, all.size());
        assertEquals("routes_ok", all.getJsonObject(1).getString("id"));
        assertEquals("OK", all.getJsonObject(1).getString("level"));
    }

    @Test
    void badMinLevelAndPatternAre400() {
        assertError(send(HttpMethod.GET, TOPICS + "?min-level=bad", null), 400, "unknown alert level 'BAD'");
        // Kapacitor finds the level name by its position in "OKINFOWARNINGCRITICAL": a prefix such as WARN works.
        assertEquals(200, send(HttpMethod.GET, TOPICS + "?min-level=warn", null).status());
        assertError(send(HttpMethod.GET, TOPICS + "?min-level=ICAL", null), 400, "unknown alert level 'ICAL'");
        assertError(send(HttpMethod.GET, TOPICS + "?pattern=%5B", null), 400,
            "invalid pattern: syntax error in pattern");
    }

    @Test
    void getsOneTopicOr404() {
        collect("one_topic", "e1", Level.WARNING, 1_000_000_000L);
        JsonObject t = send(HttpMethod.GET, TOPICS + "/one_topic", null).json();
        assertEquals("WARNING", t.getString("level"));
        assertEquals(1L, t.getLong("collected"));
        assertEquals(TOPICS + "/one_topic", t.getJsonObject("link").getString("href"));
        assertError(send(HttpMethod.GET, TOPICS + "/nope", null), 404, "unknown topic: \"nope\"");
    }

    @Test
    void listsAndGetsEvents() {
        collect("events_topic", "b", Level.CRITICAL, 2_000_000_000L);
        collect("events_topic", "a", Level.INFO, 1_500_000_000L);
        Http.Response r = send(HttpMethod.GET, TOPICS + "/events_topic/events", null);
        assertEquals(200, r.status());
        JsonObject body = r.json();
        assertEquals("events_topic", body.getString("topic"));
        assertEquals(TOPICS + "/events_topic/events", body.getJsonObject("link").getString("href"));
        JsonArray events = body.getJsonArray("events");
        assertEquals(2, events.size());
        assertEquals("a", events.getJsonObject(0).getString("id"));
        assertEquals(new JsonObject().put("message", "a is INFO").put("details", "details")
            .put("time", "1970-01-01T00:00:01.5Z").put("duration", "0s").put("level", "INFO"),
            events.getJsonObject(0).getJsonObject("state"));
        JsonArray crit = send(HttpMethod.GET, TOPICS + "/events_topic/events?min-level=crit", null).json()
            .getJsonArray("events");
        assertEquals(1, crit.size());
        assertEquals("b", crit.getJsonObject(0).getString("id"));

        JsonObject one = send(HttpMethod.GET, TOPICS + "/events_topic/events/b", null).json();
        assertEquals(TOPICS + "/events_topic/events/b", one.getJsonObject("link").getString("href"));
        assertEquals("CRITICAL", one.getJsonObject("state").getString("level"));
        assertError(send(HttpMethod.GET, TOPICS + "/events_topic/events/zz", null), 404,
            "unknown event \"zz\" in topic \"events_topic\"");
        assertError(send(HttpMethod.GET, TOPICS + "/no_topic/events", null), 500,
            "failed to get topic events: unknown topic \"no_topic\"");
    }

    @Test
    void deletesATopic() {
        collect("doomed", "e1", Level.CRITICAL, 1_000_000_000L);
        Http.Response r = send(HttpMethod.DELETE, TOPICS + "/doomed", null);
        assertEquals(204, r.status());
        assertEquals("", r.text());
        assertError(send(HttpMethod.GET, TOPICS + "/doomed", null), 404, "unknown topic: \"doomed\"");
    }

    @Test
    void createsGetsListsAndDeletesHandlers() {
        String body = "{\"id\":\"h1\",\"kind\":\"tcp\",\"options\":{\"address\":\"127.0.0.1:1\"},"
            + "\"match\":\"level() == CRITICAL\"}";
        Http.Response created = send(HttpMethod.POST, TOPICS + "/hs/handlers", body);
        assertEquals(200, created.status(), created.text());
        assertEquals("{\n"
            + "    \"link\": {\n"
            + "        \"rel\": \"self\",\n"
            + "        \"href\": \"/kapacitor/v1/alerts/topics/hs/handlers/h1\"\n"
            + "    },\n"
            + "    \"id\": \"h1\",\n"
            + "    \"kind\": \"tcp\",\n"
            + "    \"options\": {\n"
            + "        \"address\": \"127.0.0.1:1\"\n"
            + "    },\n"
            + "    \"match\": \"level() == CRITICAL\"\n"
            + "}", created.text());
        assertEquals(created.text(), send(HttpMethod.GET, TOPICS + "/hs/handlers/h1", null).text());
        send(HttpMethod.POST, TOPICS + "/hs/handlers", "{\"id\":\"h2\",\"kind\":\"publish\","
            + "\"options\":{\"topics\":[\"x\"]}}");

        JsonObject list = send(HttpMethod.GET, TOPICS + "/hs/handlers", null).json();
        assertEquals("hs", list.getString("topic"));
        assertEquals(TOPICS + "/hs/handlers", list.getJsonObject("link").getString("href"));
        assertEquals(2, list.getJsonArray("handlers").size());
        assertEquals("h2", list.getJsonArray("handlers").getJsonObject(1).getString("id"));
        JsonArray filtered = send(HttpMethod.GET, TOPICS + "/hs/handlers?pattern=*2", null).json()
            .getJsonArray("handlers");
        assertEquals(1, filtered.size());
        assertEquals("h2", filtered.getJsonObject(0).getString("id"));

        assertEquals(204, send(HttpMethod.DELETE, TOPICS + "/hs/handlers/h1", null).status());
        assertEquals(204, send(HttpMethod.DELETE, TOPICS + "/hs/handlers/h1", null).status());
        assertError(send(HttpMethod.GET, TOPICS + "/hs/handlers/h1", null), 404, "unknown handler: \"h1\"");
        assertEquals(0, send(HttpMethod.GET, TOPICS + "/empty/handlers", null).json().getJsonArray("handlers")
            .size());
    }

    @Test
    void rejectsBadHandlersAndKeepsNothing() {
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"x\",\"kind\":\"nope\"}"), 500,
            "failed to create handler: unsupported action kind \"nope\"");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"x\",\"kind\":\"tcp\","
            + "\"options\":{\"address\":\"a:1\",\"bogus\":1}}"), 500,
            "failed to create handler: failed to decode options into *alert.TCPHandlerConfig: 1 error(s) "
                + "decoding:\n\n* '' has invalid keys: bogus");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"x\",\"kind\":\"tcp\","
            + "\"options\":{\"address\":\"a:1\"},\"match\":\"FOO == 1\"}"), 500,
            "failed to create handler: unknown identifier \"FOO\"");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"x y\",\"kind\":\"tcp\"}"), 400,
            "invalid handler spec: handler ID must contain only letters, numbers, '-', '.' and '_'. \"x y\"");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"x\"}"), 400,
            "invalid handler spec: handler Kind must not be empty");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":1}"), 400,
            "invalid handler json: json: cannot unmarshal number into Go struct field HandlerSpec.id of type string");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", ""), 400, "invalid handler json: EOF");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":"), 400,
            "invalid handler json: unexpected EOF");
        assertEquals(0, send(HttpMethod.GET, TOPICS + "/bad/handlers", null).json().getJsonArray("handlers")
            .size());

        send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"dup\",\"kind\":\"publish\"}");
        assertError(send(HttpMethod.POST, TOPICS + "/bad/handlers", "{\"id\":\"dup\",\"kind\":\"publish\"}"), 500,
            "failed to create handler: cannot register handler, handler with ID \"dup\" already exists");
    }

    @Test
    void replacesAndPatchesHandlers() {
        send(HttpMethod.POST, TOPICS + "/upd/handlers", "{\"id\":\"h\",\"kind\":\"publish\","
            + "\"options\":{\"topics\":[\"a\"]}}");
        Http.Response put = send(HttpMethod.PUT, TOPICS + "/upd/handlers/h", "{\"id\":\"h\",\"kind\":\"publish\","
            + "\"options\":{\"topics\":[\"b\"]},\"match\":\"changed()\"}");
        assertEquals(200, put.status(), put.text());
        assertEquals(new JsonArray().add("b"), put.json().getJsonObject("options").getJsonArray("topics"));
        assertEquals("changed()", put.json().getString("match"));

        Http.Response patched = send(HttpMethod.PATCH, TOPICS + "/upd/handlers/h",
            "[{\"op\":\"test\",\"path\":\"/kind\",\"value\":\"publish\"},"
                + "{\"op\":\"add\",\"path\":\"/options/topics/-\",\"value\":\"c\"},"
                + "{\"op\":\"copy\",\"from\":\"/match\",\"path\":\"/options/note\"},"
                + "{\"op\":\"remove\",\"path\":\"/options/note\"},"
                + "{\"op\":\"replace\",\"path\":\"/match\",\"value\":\"\"},"
                + "{\"op\":\"move\",\"from\":\"/id\",\"path\":\"/id\"}]");
        assertEquals(200, patched.status(), patched.text());
        assertEquals(new JsonArray().add("b").add("c"),
            patched.json().getJsonObject("options").getJsonArray("topics"));
        assertEquals("", patched.json().getString("match"));

        Http.Response renamed = send(HttpMethod.PATCH, TOPICS + "/upd/handlers/h",
            "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"h2\"}]");
        assertEquals(TOPICS + "/upd/handlers/h2", renamed.json().getJsonObject("link").getString("href"));
        assertError(send(HttpMethod.GET, TOPICS + "/upd/handlers/h", null), 404, "unknown handler: \"h\"");

        assertError(send(HttpMethod.PATCH, TOPICS + "/upd/handlers/h2", "{\"op\":\"add\"}"), 400,
            "invalid patch json: json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        assertError(send(HttpMethod.PATCH, TOPICS + "/upd/handlers/h2",
            "[{\"op\":\"test\",\"path\":\"/kind\",\"value\":\"tcp\"}]"), 400,
            "failed to apply patch: testing value /kind failed: test failed");
        assertError(send(HttpMethod.PATCH, TOPICS + "/upd/handlers/h2",
            "[{\"op\":\"replace\",\"path\":\"/kind\",\"value\":\"nope\"}]"), 500,
            "failed to update handler: unsupported action kind \"nope\"");
        assertError(send(HttpMethod.PATCH, TOPICS + "/upd/handlers/h2",
            "[{\"op\":\"replace\",\"path\":\"/topic\",\"value\":\"other\"}]"), 500,
            "failed to update handler: cannot change topic in update");
        assertError(send(HttpMethod.PATCH, TOPICS + "/upd/handlers/zz", "[]"), 404, "unknown handler: \"zz\"");
        assertError(send(HttpMethod.PUT, TOPICS + "/upd/handlers/zz", "{}"), 404, "unknown handler: \"zz\"");
        assertError(send(HttpMethod.PUT, TOPICS + "/upd/handlers/zz", "{"), 404, "unknown handler: \"zz\"");
        assertEquals(400, send(HttpMethod.PUT, TOPICS + "/upd/handlers/h2", "{\"id\":2}").status());
        assertEquals("publish", send(HttpMethod.GET, TOPICS + "/upd/handlers/h2", null).json().getString("kind"));
    }
}
