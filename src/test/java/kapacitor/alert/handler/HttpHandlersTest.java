package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each HTTP handler against a local peer: the request Kapacitor's TestServer_AlertHandlers expects, byte for byte. */
class HttpHandlersTest {
    private Vertx vertx;
    private FakeConfig config;
    private HttpPeer peer;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        config = new FakeConfig(vertx);
        peer = new HttpPeer(vertx);
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
    void slackPostsOneAttachmentToTheWorkspaceUrl() throws Exception {
        config.put("slack", new JsonObject().put("enabled", true).put("default", true).put("workspace", "")
            .put("url", peer.url("/test/slack/url")).put("token", "").put("channel", "").put("username", "kapacitor")
            .put("icon-emoji", ""));
        handle("slack", new JsonObject().put("channel", "#test"));
        HttpPeer.Request r = peer.next();
        assertEquals("POST", r.method());
        assertEquals("/test/slack/url", r.uri());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals(null, r.headers().get("Authorization"));
        assertEquals("{\"attachments\":[{\"fallback\":\"message\",\"color\":\"danger\",\"text\":\"message\","
            + "\"mrkdwn_in\":[\"text\"]}],\"channel\":\"#test\",\"icon_emoji\":\"\",\"text\":\"\","
            + "\"username\":\"kapacitor\"}\n", r.body());
    }

    @Test
    void slackSendsTheTokenAndReportsSlacksError() throws Exception {
        config.put("slack", new JsonObject().put("enabled", true).put("url", peer.url("/api")).put("token", "t0k")
            .put("channel", "#alerts"));
        peer.answer(400, "{\"error\":\"channel_not_found\"}");
        AlertHandler h = HandlerFactory.create(vertx, "slack", new JsonObject());
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("channel_not_found", e.getMessage());
        HttpPeer.Request r = peer.next();
        assertEquals("Bearer t0k", r.headers().get("Authorization"));
        assertTrue(r.body().contains("\"channel\":\"#alerts\""), r.body());
        h.close();
    }

    @Test
    void disabledServiceIsReported() {
        config.put("slack", new JsonObject().put("enabled", false).put("url", peer.url("/")));
        AlertHandler h = HandlerFactory.create(vertx, "slack", new JsonObject());
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("service is not enabled", e.getMessage());
        h.close();
    }

    @Test
    void victorOpsPostsToApiKeyAndRoutingKey() throws Exception {
        config.put("victorops", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("api-key", "api_key").put("routing-key", "").put("json-data", false));
        handle("victorops", new JsonObject().put("routing-key", "key"));
        HttpPeer.Request r = peer.next();
        assertEquals("/api_key/key", r.uri());
        JsonObject body = new JsonObject(r.body());
        assertEquals(new JsonObject().put("data", Events.RESULT).put("entity_id", "id")
            .put("message_type", "CRITICAL").put("monitoring_tool", "kapacitor").put("state_message", "message")
            .put("timestamp", 0), body);
        assertTrue(r.body().startsWith("{\"data\":"), "keys sorted as Go sorts map keys");
    }

    @Test
    void telegramAppendsTheTokenToThePath() throws Exception {
        config.put("telegram", new JsonObject().put("enabled", true).put("url", peer.url("/bot"))
            .put("token", "TOKEN:AUTH").put("chat-id", "").put("parse-mode", "")
            .put("disable-web-page-preview", false).put("disable-notification", false));
        handle("telegram", new JsonObject().put("chat-id", "chat id").put("disable-web-page-preview", true));
        HttpPeer.Request r = peer.next();
        assertEquals("/botTOKEN:AUTH/sendMessage", r.uri());
        assertEquals("{\"chat_id\":\"chat id\",\"disable_web_page_preview\":true,\"text\":\"message\"}\n",
            r.body());
    }

    @Test
    void telegramRefusesAnUnknownParseMode() {
        config.put("telegram", new JsonObject().put("enabled", true).put("url", peer.url("/bot")));
        AlertHandler h = HandlerFactory.create(vertx, "telegram", new JsonObject().put("parse-mode", "rtf"));
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("parseMode rtf is not valid, please use 'Markdown' or 'HTML'", e.getMessage());
        h.close();
    }

    @Test
    void teamsPostsAMessageCard() throws Exception {
        config.put("teams", new JsonObject().put("enabled", true).put("channel-url", peer.url("")));
        handle("teams", new JsonObject());
        HttpPeer.Request r = peer.next();
        assertEquals("/", r.uri());
        assertEquals("{\"@type\":\"MessageCard\",\"@context\":\"http://schema.org/extensions\","
            + "\"title\":\"CRITICAL: [id]\",\"text\":\"message\",\"summary\":\"CRITICAL: [id] - message...\","
            + "\"themeColor\":\"CC4A31\"}", r.body());
    }

    @Test
    void unknownOptionsAndWrongTypesAreRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> HandlerFactory.create(vertx, "slack", new JsonObject().put("chanel", "#x").put("a", 1)));
        assertEquals("failed to decode options into *slack.HandlerConfig: 1 error(s) decoding:\n\n"
            + "* '' has invalid keys: a, chanel", unknown.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
            () -> HandlerFactory.create(vertx, "smtp", new JsonObject().put("to", "a@b")));
        assertEquals("failed to decode options into *smtp.HandlerConfig: 1 error(s) decoding:\n\n"
            + "* 'to' expected type '[]string', got unconvertible type 'string'", type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HandlerFactory.create(vertx, "nope", new JsonObject()));
    }
}
