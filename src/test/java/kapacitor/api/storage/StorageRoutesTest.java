package kapacitor.api.storage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.store.StoreBackup;
import kapacitor.store.TaskRecord;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageRoutesTest {
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsKapacitorStoreNames() {
        Http.Response r = await(http.get("/kapacitor/v1/storage/stores"));
        assertEquals(200, r.status());
        JsonObject body = r.json();
        assertEquals(new JsonObject().put("rel", "self").put("href", "/kapacitor/v1/storage/stores"),
            body.getJsonObject("link"));
        JsonArray storage = body.getJsonArray("storage");
        assertEquals(StoreBackup.storeNames().size(), storage.size());
        assertEquals(new JsonObject()
                .put("link", new JsonObject().put("rel", "self").put("href", "/kapacitor/v1/storage/stores/tasks"))
                .put("name", "tasks"),
            storage.stream().map(JsonObject.class::cast).filter(s -> s.getString("name").equals("tasks"))
                .findFirst().orElseThrow());
    }

    @Test
    void rebuildAnswers204() {
        Http.Response r = await(http.post("/kapacitor/v1/storage/stores/tasks", "{\"action\":\"rebuild\"}"));
        assertEquals(204, r.status());
        assertEquals(0, r.body().length());
        assertEquals(204, await(http.post("/kapacitor/v1preview/storage/stores/recordings",
            "{\"action\":\"rebuild\"}")).status());
    }

    @Test
    void unknownStoreIs404() {
        Http.Response r = await(http.post("/kapacitor/v1/storage/stores/nope", "{\"action\":\"rebuild\"}"));
        assertEquals(404, r.status());
        assertEquals("unknown storage \"nope\"", r.json().getString("error"));
        // Kapacitor looks the store up before it reads the body.
        assertEquals(404, await(http.post("/kapacitor/v1/storage/stores/nope", "not json")).status());
    }

    @Test
    void unknownOrMissingActionIs400() {
        Http.Response unknown = await(http.post("/kapacitor/v1/storage/stores/tasks", "{\"action\":\"compact\"}"));
        assertEquals(400, unknown.status());
        assertEquals("failed to unmarshal storage action unknown StorageAction compact",
            unknown.json().getString("error"));
        Http.Response missing = await(http.post("/kapacitor/v1/storage/stores/tasks", "{}"));
        assertEquals(400, missing.status());
        assertEquals("unkown storage action \"unknown StorageAction 0\"", missing.json().getString("error"));
        Http.Response malformed = await(http.post("/kapacitor/v1/storage/stores/tasks", "{\"action\":"));
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().getString("error").startsWith("failed to unmarshal storage action"));
    }

    @Test
    void backupIsARestorableDumpOfEverything() {
        TaskRecord task = new TaskRecord("backup_task", null, "stream", "disabled", 0,
            new JsonObject().put("script", "stream|from()"));
        await(server.root().store().tasks().create(task));
        Http.Response r = await(http.get("/kapacitor/v1/storage/backup"));
        assertEquals(200, r.status());
        assertEquals("application/octet-stream", r.header("Content-Type"));
        assertEquals("attachment; filename=\"kapacitor.db\"", r.header("Content-Disposition"));

        // Restore into a fresh store and compare: the dump must carry every row.
        try (TestServer other = TestServer.postgres()) {
            await(StoreBackup.restore(other.root().store(), r.body()));
            TaskRecord restored = await(other.root().store().tasks().get("backup_task"));
            assertEquals("stream|from()", restored.data().getString("script"));
            assertEquals(new JsonObject(r.body()).getValue("tables"),
                new JsonObject(await(StoreBackup.dump(other.root().store()))).getValue("tables"));
        }
        assertEquals(List.of("backup_task"),
            await(server.root().store().tasks().listAll()).stream().map(TaskRecord::id).toList());
    }
}
