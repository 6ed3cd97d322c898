package kapacitor.service.config;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.app.Addresses;
import kapacitor.app.Codecs;
import kapacitor.app.RootVerticle;
import kapacitor.config.ConfigLoader;
import kapacitor.store.PgTestDb;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Overrides across restarts, skip-config-overrides, and the live section on the bus. */
class ConfigManagerVerticleTest {
    private final String schema = PgTestDb.freshSchema();
    private Vertx vertx;
    private Http http;

    /** A server on this test's schema; several starts share the stored overrides. */
    private void start(Map<String, String> extra) throws Exception {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        int port = Http.freePort();
        Path dir = Files.createTempDirectory("config-test");
        Map<String, String> env = new HashMap<>(extra);
        env.put("KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + port);
        env.put("KAPACITOR_DATA_DIR", dir.toString());
        env.put("KAPACITOR_HTTP_LOG_ENABLED", "false");
        env.put("KAPACITOR_STORAGE_URL", PgTestDb.url(schema));
        await(vertx.deployVerticle(new RootVerticle(ConfigLoader.load(new String[] {"-config", "/dev/null"}, env,
            dir))));
        http = new Http(vertx, port);
    }

    private void stop() {
        if (vertx != null) {
            await(vertx.close());
            vertx = null;
        }
    }

    @AfterEach
    void cleanUp() {
        stop();
        Vertx v = Vertx.vertx();
        try {
            await(PgTestDb.dropSchema(v, schema));
        } finally {
            await(v.close());
        }
    }

    private JsonObject live(String section) {
        return await(vertx.eventBus().<JsonObject>request(Addresses.CONFIG_GET, section)).body();
    }

    @Test
    void overridesSurviveRestartAndReachTheLiveConfig() throws Exception {
        start(Map.of());
        assertEquals(false, live("smtp").getJsonArray("elements").getJsonObject(0).getBoolean("enabled"));
        CompletableFuture<JsonObject> changed = new CompletableFuture<>();
        vertx.eventBus().<JsonObject>localConsumer(Addresses.CONFIG_CHANGED, m -> changed.complete(m.body()));
        Http.Response r = await(http.post("/kapacitor/v1/config/smtp/",
            "{\"set\":{\"enabled\":true,\"password\":\"pw\",\"host\":\"mail.example.com\"}}"));
        assertEquals(204, r.status(), r.text());

        JsonObject event = changed.get(10, TimeUnit.SECONDS);
        assertEquals("smtp", event.getString("section"));
        JsonObject smtp = event.getJsonArray("elements").getJsonObject(0);
        assertEquals(true, smtp.getBoolean("enabled"));
        assertEquals("pw", smtp.getString("password"), "services read the unredacted value");
        assertEquals("mail.example.com", live("smtp").getJsonArray("elements").getJsonObject(0).getString("host"));

        stop();
        start(Map.of());
        assertEquals(true, live("smtp").getJsonArray("elements").getJsonObject(0).getBoolean("enabled"));
        JsonObject shown = await(http.get("/kapacitor/v1/config/smtp/")).json().getJsonObject("options");
        assertEquals("mail.example.com", shown.getString("host"));
        assertEquals(true, shown.getBoolean("password"));

        stop();
        start(Map.of("KAPACITOR_SKIP_CONFIG_OVERRIDES", "true"));
        assertEquals(false, live("smtp").getJsonArray("elements").getJsonObject(0).getBoolean("enabled"),
            "start-up ignores the stored overrides");
        assertEquals("mail.example.com", await(http.get("/kapacitor/v1/config/smtp/")).json()
            .getJsonObject("options").getString("host"), "the API still shows them, so they can be fixed");
    }

    @Test
    void unknownLiveSectionFails404() throws Exception {
        start(Map.of());
        var reply = vertx.eventBus().request(Addresses.CONFIG_GET, "http");
        io.vertx.core.eventbus.ReplyException e = org.junit.jupiter.api.Assertions.assertThrows(
            io.vertx.core.eventbus.ReplyException.class, () -> await(reply));
        assertEquals(404, e.failureCode());
        assertEquals("unknown section: http", e.getMessage());
    }
}
