package kapacitor.service.alert;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.app.Codecs;
import kapacitor.app.RootVerticle;
import kapacitor.config.ConfigLoader;
import kapacitor.config.LoadedConfig;
import kapacitor.store.PgTestDb;
import kapacitor.api.alerts.ContextHttp;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A raised alert survives a restart on the same PostgreSQL schema: with stateChangesOnly (without it every critical
 * point fires, restart or not) the next critical point does not fire again and the first OK point fires the
 * recovery.
 */
class AlertRestartTest {
    private final String schema = PgTestDb.freshSchema();
    private final Vertx peerVertx = Vertx.vertx();
    private Path dataDir;
    private Vertx vertx;
    private String deployment;
    private ContextHttp http;

    private void boot() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        int port = Http.freePort();
        Map<String, String> env = Map.of(
            "KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + port,
            "KAPACITOR_DATA_DIR", dataDir.toString(),
            "KAPACITOR_HTTP_LOG_ENABLED", "false",
            "KAPACITOR_STORAGE_URL", PgTestDb.url(schema));
        LoadedConfig loaded = ConfigLoader.load(new String[] {"-config", "/dev/null"}, env, dataDir);
        deployment = await(vertx.deployVerticle(new RootVerticle(loaded)));
        http = new ContextHttp(vertx, port);
    }

    private void shutdown() {
        await(vertx.undeploy(deployment));
        await(vertx.close());
    }

    @AfterEach
    void cleanUp() {
        await(peerVertx.close());
        Vertx v = Vertx.vertx();
        try {
            await(PgTestDb.dropSchema(v, schema));
        } finally {
            await(v.close());
        }
    }

    @Test
    void raisedAlertIsNotFiredAgainAfterRestartAndRecovers() throws Exception {
        dataDir = Files.createTempDirectory("kapacitord-alert-restart");
        LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        int peerPort = Http.freePort();
        HttpServer peer = await(peerVertx.createHttpServer()
            .requestHandler(req -> req.body().onSuccess(b -> {
                received.add(b.toJsonObject());
                req.response().end();
            })).listen(peerPort, "127.0.0.1"));
        boot();
        JsonObject task = new JsonObject()
            .put("id", "restart_alert")
            .put("type", "stream")
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "mydb").put("rp", "myrp")))
            .put("script", "stream\n    |from()\n        .measurement('cpu')\n"
                + "    |alert()\n        .id('cpu')\n        .crit(lambda: \"value\" > 80)\n        .stateChangesOnly()\n"
                + "        .post('http://127.0.0.1:" + peerPort + "/alert')\n")
            .put("status", "enabled");
        assertEquals(200, await(http.post("/kapacitor/v1/tasks", task.encode())).status());
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp", "cpu value=90 1000000000\n")).status());
        JsonObject crit = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(crit, "the first critical point fires");
        assertEquals("CRITICAL", crit.getString("level"));

        assertEquals(200, await(http.post("/kapacitor/v1/alerts/topics/kept/handlers",
            "{\"id\":\"pub\",\"kind\":\"publish\",\"options\":{\"topics\":[\"elsewhere\"]}}")).status());

        shutdown();
        boot();

        JsonObject kept = await(http.get("/kapacitor/v1/alerts/topics/kept/handlers/pub")).json();
        assertEquals(new JsonArray().add("elsewhere"), kept.getJsonObject("options").getJsonArray("topics"));

        JsonObject restored = await(http.get("/kapacitor/v1/alerts/topics/main:restart_alert:alert2/events/cpu"))
            .json();
        assertEquals("CRITICAL", restored.getJsonObject("state").getString("level"));
        assertEquals(204, await(http.post("/write?db=mydb&rp=myrp",
            "cpu value=95 2000000000\ncpu value=10 3000000000\n")).status());
        JsonObject next = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(next, "the recovery fires");
        assertEquals("OK", next.getString("level"), "the second critical point did not fire again");
        assertEquals("CRITICAL", next.getString("previousLevel"));
        assertEquals("1970-01-01T00:00:03Z", next.getString("time"));
        shutdown();
        await(peer.close());
    }
}
