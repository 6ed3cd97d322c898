package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dump, restore, migrations and the storage API's stores, on one backend. */
public interface StoreBackupContract extends StoreTest {

    /** A second, empty store of the same backend; the test closes it. */
    Future<Store> openOtherStore(Vertx vertx);

    Vertx vertx();

    private void fill(Store s) {
        await(s.tasks().create(new TaskRecord("cpu", "tmpl", "stream", "enabled", 0,
            new JsonObject().put("script", "stream|from()").put("n", 1.5))));
        await(s.tasks().update(await(s.tasks().get("cpu"))));
        await(s.templates().create(new TemplateRecord("tmpl", "stream", 0, new JsonObject())));
        await(s.recordings().create(new RecordingRecord("rec", "stream", "finished", 0, new JsonObject())));
        await(s.replays().create(new ReplayRecord("rep", "rec", "cpu", "finished", 0, new JsonObject())));
        await(s.eventStates().put(new EventStateRecord("top", "ev", "CRITICAL", 0, new JsonObject())));
        await(s.handlerSpecs().create(new HandlerSpecRecord("top", "log", "log", 0, new JsonObject())));
        await(s.overrides().put(new OverrideRecord("smtp", "", 0, new JsonObject().put("create", true))));
        await(s.users().create(new UserRecord("bob", 0, new JsonObject().put("admin", false))));
        await(s.fluxTasks().create(new FluxTaskRecord("0001", "f", "active", 0, new JsonObject())));
        await(s.fluxRuns().create(new FluxRunRecord("r1", "0001", "success", 5, 0, new JsonObject())));
        await(s.fluxLogs().append("0001", "r1", 6, "line"));
        await(s.snapshots().put(new SnapshotRecord("cpu", 3, Buffer.buffer(new byte[] {1, 2, 3}))));
        await(s.leases().acquire("cpu", "node-a", 77));
    }

    @Test
    default void backupRestoresIntoAFreshStoreWithEqualContents() {
        fill(store());
        Buffer dump = await(StoreBackup.dump(store()));
        Store other = await(openOtherStore(vertx()));
        try {
            await(other.users().create(new UserRecord("only-in-other", 0, new JsonObject())));
            await(StoreBackup.restore(other, dump));
            assertEquals(dump, await(StoreBackup.dump(other)));
            assertEquals(2, await(other.tasks().get("cpu")).version());
            assertInstanceOf(NotFoundException.class, failure(other.users().get("only-in-other")));
            assertEquals(Buffer.buffer(new byte[] {1, 2, 3}), await(other.snapshots().get("cpu")).bytes());
        } finally {
            await(other.close());
        }
    }

    @Test
    default void dumpHoldsEveryTableWithItsFormat() {
        fill(store());
        JsonObject doc = await(StoreBackup.dump(store())).toJsonObject();
        assertEquals("kapacitor-store", doc.getString("format"));
        assertEquals(1, doc.getInteger("formatVersion"));
        assertEquals(Store.tables(store().dialect()).size(), doc.getJsonObject("tables").size());
        assertEquals("stream|from()", new JsonObject(doc.getJsonObject("tables").getJsonArray("tasks")
            .getJsonObject(0).getString("data")).getString("script"));
    }

    @Test
    default void aFailedRestoreChangesNothing() {
        fill(store());
        JsonObject doc = await(StoreBackup.dump(store())).toJsonObject();
        // Two users with the same name: the second insert violates the key after everything was deleted.
        JsonObject user = doc.getJsonObject("tables").getJsonArray("users").getJsonObject(0);
        doc.getJsonObject("tables").getJsonArray("users").add(user.copy());
        assertInstanceOf(DuplicateKeyException.class, failure(StoreBackup.restore(store(), doc.toBuffer())));
        assertEquals("enabled", await(store().tasks().get("cpu")).status());
        assertEquals(1, await(store().users().listAll()).size());
    }

    @Test
    default void restoreRefusesDocumentsThatAreNotBackups() {
        assertInstanceOf(StoreException.class, failure(StoreBackup.restore(store(), Buffer.buffer("nope"))));
        assertInstanceOf(StoreException.class, failure(StoreBackup.restore(store(),
            new JsonObject().put("format", "other").toBuffer())));
        JsonObject unknown = new JsonObject().put("format", "kapacitor-store").put("formatVersion", 1)
            .put("schemaVersion", 1).put("tables", new JsonObject().put("bolt", List.of()));
        assertEquals("backup holds unknown table bolt",
            failure(StoreBackup.restore(store(), unknown.toBuffer())).getMessage());
    }

    @Test
    default void storeNamesAreKapacitors() {
        assertEquals(List.of("handler-specs", "overrides", "recordings", "replays", "tasks"),
            StoreBackup.storeNames());
    }

    @Test
    default void rebuildReencodesDocumentsAndKeepsContents() {
        fill(store());
        // A document written by hand with spacing: rebuild normalises it without changing its meaning.
        await(store().pool().query("UPDATE tasks SET data = '{ \"script\" : \"x\" }'").execute());
        for (String name : StoreBackup.storeNames()) {
            await(StoreBackup.rebuild(store(), name));
        }
        assertEquals("x", await(store().tasks().get("cpu")).data().getString("script"));
        JsonObject doc = await(StoreBackup.dump(store())).toJsonObject();
        assertEquals("{\"script\":\"x\"}", doc.getJsonObject("tables").getJsonArray("tasks").getJsonObject(0)
            .getString("data"));
        assertEquals(2, await(store().tasks().get("cpu")).version());
    }

    @Test
    default void rebuildOfAnUnknownStoreIsNotFoundAndCorruptRowsAreNamed() {
        Throwable unknown = failure(StoreBackup.rebuild(store(), "bolt"));
        assertInstanceOf(NotFoundException.class, unknown);
        assertEquals("unknown storage \"bolt\"", unknown.getMessage());
        fill(store());
        await(store().pool().query("UPDATE recordings SET data = 'not json'").execute());
        Throwable corrupt = failure(StoreBackup.rebuild(store(), "recordings"));
        assertTrue(corrupt.getMessage().startsWith("row rec of recordings holds invalid JSON"), corrupt.getMessage());
    }

    @Test
    default void migrationsRunTwiceAreANoOp() {
        assertEquals(0, await(Migrations.run(store().pool(), store().dialect())));
        assertEquals(0, await(Migrations.run(store().pool(), store().dialect())));
        assertEquals(Migrations.FILES.size(), await(store().pool().query("SELECT COUNT(*) AS n FROM schema_version")
            .execute()).iterator().next().getLong("n").intValue());
    }
}
