package kapacitor.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedStoreLifecycleTest implements StoreTest {

    private Vertx vertx;
    private Path dir;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        dir = Files.createTempDirectory("kapacitor-h2-");
    }

    @AfterEach
    void stop() {
        await(vertx.close());
        EmbeddedStoreTestBase.deleteTree(dir);
    }

    @Override
    public Store store() {
        throw new UnsupportedOperationException("each test opens its own stores");
    }

    @Test
    void dataSurvivesClosingAndReopeningTheFile() {
        String dataDir = dir.resolve("nested/data").toString();
        Store first = await(Stores.open(vertx, "", dataDir));
        assertEquals(Dialect.H2, first.dialect());
        TaskRecord a = await(first.tasks().create(new TaskRecord("a", null, "stream", "enabled", 0,
            new JsonObject().put("k", "v"))));
        // A transaction, a failed one, then plain writes: every committed change must reach the file.
        await(first.tasks().replaceAll(List.of(a)));
        failure(first.tasks().replaceAll(List.of(a)));
        await(first.users().create(new UserRecord("bob", 0, new JsonObject())));
        await(first.overrides().put(new OverrideRecord("smtp", "", 0, new JsonObject())));
        await(first.close());

        assertTrue(Files.exists(dir.resolve("nested/data/kapacitor.mv.db")));
        Store second = await(Stores.open(vertx, null, dataDir));
        try {
            TaskRecord read = await(second.tasks().get("a"));
            assertEquals(2, read.version());
            assertEquals("v", read.data().getString("k"));
            assertEquals("bob", await(second.users().get("bob")).name());
            assertEquals(1, await(second.overrides().listAll()).size());
            assertEquals(0, await(Migrations.run(second.pool(), second.dialect())));
        } finally {
            await(second.close());
        }
    }

    @Test
    void anUnusableDataDirFailsWithTheLocation() throws IOException {
        Path file = Files.createFile(dir.resolve("plain-file"));
        Throwable e = failure(Stores.open(vertx, "", file.resolve("data").toString()));
        assertInstanceOf(StoreException.class, e);
        assertTrue(e.getMessage().startsWith("cannot open store at " + file.resolve("data/kapacitor") + ": "),
            e.getMessage());
    }
}
