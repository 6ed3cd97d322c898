package kapacitor.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.config.ConfigLoader;
import kapacitor.config.LoadedConfig;
import kapacitor.store.TaskRecord;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerLifecycleTest {
    @Test
    void embeddedStoreSurvivesARestart() {
        TestServer first = TestServer.embedded(null);
        Path dataDir = first.dataDir();
        await(first.root().store().tasks().create(new TaskRecord("kept", null, "stream", "enabled", 0,
            new JsonObject().put("script", "stream"))));
        first.stop();
        assertTrue(Files.exists(dataDir.resolve("kapacitor.mv.db")), "store file in data_dir");

        TestServer second = TestServer.embedded(dataDir);
        try {
            assertEquals("stream", await(second.root().store().tasks().get("kept")).data().getString("script"));
            assertEquals(204, await(second.http().get("/kapacitor/v1/ping")).status());
        } finally {
            second.stop();
        }
    }

    @Test
    void unreachableStoreFailsTheStartWithAClearMessage() {
        Vertx vertx = Vertx.vertx();
        try {
            Codecs.register(vertx);
            int deadPort = Http.freePort();
            LoadedConfig cfg = ConfigLoader.load(new String[] {"-config", "/dev/null"}, Map.of(
                "KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + Http.freePort(),
                "KAPACITOR_STORAGE_URL", "postgresql://postgres@127.0.0.1:" + deadPort + "/test"), Path.of("/tmp"));
            RuntimeException e = assertThrows(RuntimeException.class,
                () -> await(vertx.deployVerticle(new RootVerticle(cfg))));
            assertTrue(e.getMessage().contains("cannot open store at"), e.getMessage());
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void restoreCommandLoadsABackupIntoTheConfiguredStore() throws Exception {
        Path backup = Files.createTempFile("kapacitor-backup", ".json");
        try (TestServer source = TestServer.postgres()) {
            await(source.root().store().tasks().create(new TaskRecord("from_backup", null, "batch", "disabled", 0,
                new JsonObject().put("script", "batch"))));
            Files.write(backup, await(source.http().get("/kapacitor/v1/storage/backup")).body().getBytes());
        }
        Path dataDir = Files.createTempDirectory("restore-target");
        Vertx vertx = Vertx.vertx();
        try {
            LoadedConfig cfg = ConfigLoader.load(new String[] {"-config", "/dev/null"},
                Map.of("KAPACITOR_DATA_DIR", dataDir.toString()), dataDir);
            await(RestoreCommand.run(vertx, cfg.config(), backup));
        } finally {
            await(vertx.close());
        }
        TestServer restored = TestServer.embedded(dataDir);
        try {
            assertEquals("batch", await(restored.root().store().tasks().get("from_backup")).data().getString("script"));
        } finally {
            restored.stop();
        }
    }

    @Test
    void debugVarsHasKapacitorShape() {
        try (TestServer server = TestServer.postgres()) {
            Http.Response r = await(server.http().get("/kapacitor/v1/debug/vars"));
            assertEquals(200, r.status());
            JsonObject vars = r.json();
            assertEquals("kapacitor", vars.getString("product"));
            assertEquals(0L, vars.getLong("num_tasks"));
            assertTrue(vars.getJsonObject("memstats").getLong("HeapAlloc") > 0);
            JsonObject ingress = vars.getJsonObject("kapacitor").stream()
                .map(e -> (JsonObject) e.getValue())
                .filter(s -> s.getString("name").equals("ingress")).findFirst().orElseThrow();
            assertEquals(vars.getString("server_id"), ingress.getJsonObject("tags").getString("server_id"));
            assertEquals(0L, ingress.getJsonObject("values").getLong("pointsWrittenOK"));
        }
    }
}
