package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Discord, Pushover, Talk and HipChat against a local peer: the requests of TestServer_AlertHandlers. */
class ChatHandlersTest {
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
    void discordPostsOneEmbed() throws Exception {
        config.put("discord", new JsonObject().put("enabled", true).put("default", true).put("workspace", "")
            .put("url", peer.url("/test/discord/url")).put("timestamp", false).put("username", "")
            .put("avatar-url", "").put("embed-title", ""));
        peer.answer(204, "");
        handle("discord", new JsonObject().put("username", "Kapacitor")
            .put("avatar-url", "https://example.com/a.png").put("embed-title", "Alert {{.TaskName}}"));
        HttpPeer.Request r = peer.next();
        assertEquals("/test/discord/url", r.uri());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals("{\"avatar_url\":\"https://example.com/a.png\",\"embeds\":[{\"color\":16342867,"
            + "\"title\":\"Alert testAlertHandlers\",\"description\":\"message\",\"timestamp\":\"\"}],"
            + "\"username\":\"Kapacitor\"}\n", r.body());
    }

    @Test
    void discordStampsTheTimeWhenConfiguredAndWantsNoContent() throws Exception {
        config.put("discord", new JsonObject().put("enabled", true).put("url", peer.url("/d"))
            .put("timestamp", true).put("username", "cfg"));
        AlertHandler h = HandlerFactory.create(vertx, "discord", new JsonObject());
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.at(Level.WARNING))));
        assertEquals("failed to understand Discord response. code: 200 content: ", e.getMessage());
        h.close();
        HttpPeer.Request r = peer.next();
        assertEquals("{\"avatar_url\":\"\",\"embeds\":[{\"color\":16026936,\"title\":\"\",\"description\":"
            + "\"message\",\"timestamp\":\"1970-01-01T00:00:00Z\"}],\"username\":\"cfg\"}\n", r.body());
    }

    @Test
    void pushoverPostsAForm() throws Exception {
        config.put("pushover", new JsonObject().put("enabled", true).put("url", peer.url("/1/messages.json"))
            .put("token", "api_key").put("user-key", "user"));
        handle("pushover", new JsonObject().put("title", "a title & more"));
        HttpPeer.Request r = peer.next();
        assertEquals("POST", r.method());
        assertEquals("/1/messages.json", r.uri());
        assertEquals("application/x-www-form-urlencoded", r.headers().get("Content-Type"));
        assertEquals("message=message&priority=1&title=a+title+%26+more&token=api_key&user=user", r.body());
    }

    @Test
    void pushoverReportsTheApiErrors() {
        config.put("pushover", new JsonObject().put("enabled", true).put("url", peer.url("/")));
        peer.answer(400, "{\"errors\":[\"user identifier is invalid\",\"token is invalid\"],\"status\":0}");
        AlertHandler h = HandlerFactory.create(vertx, "pushover", new JsonObject());
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("failed to understand Pushover response. code: 400 content: user identifier is invalid, "
            + "token is invalid", e.getMessage());
        h.close();
    }

    @Test
    void talkSendsIdAsTitleAndIgnoresOptions() throws Exception {
        config.put("talk", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("author_name", "Kapacitor"));
        handle("talk", new JsonObject().put("whatever", 1));
        HttpPeer.Request r = peer.next();
        assertEquals("/", r.uri());
        assertEquals("{\"authorName\":\"Kapacitor\",\"text\":\"message\",\"title\":\"id\"}\n", r.body());
    }

    @Test
    void hipChatPutsTheTokenInTheQuery() throws Exception {
        config.put("hipchat", new JsonObject().put("enabled", true).put("url", peer.url("")).put("room", "")
            .put("token", ""));
        handle("hipchat", new JsonObject().put("token", "testtoken1234567").put("room", "1234567"));
        HttpPeer.Request r = peer.next();
        assertEquals("/1234567/notification?auth_token=testtoken1234567", r.uri());
        assertEquals("{\"color\":\"red\",\"from\":\"kapacitor\",\"message\":\"message\",\"notify\":true}\n",
            r.body());
    }
}
