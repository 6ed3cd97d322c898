package kapacitor.app;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ServerIdsTest {
    @TempDir
    Path dir;

    @Test
    void idsAreCreatedOnceAndKeptInDataDir() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Path dataDir = dir.resolve("data");
            ServerIds first = await(ServerIds.load(vertx, dataDir));
            assertNotEquals(first.clusterId(), first.serverId());
            assertEquals(first.clusterId(), Files.readString(dataDir.resolve("cluster.id")));
            assertEquals(first.serverId(), Files.readString(dataDir.resolve("server.id")));
            assertEquals(first, await(ServerIds.load(vertx, dataDir)));

            // An id written by kapacitord is taken as is.
            String kapacitords = UUID.randomUUID().toString();
            Files.writeString(dataDir.resolve("cluster.id"), kapacitords);
            assertEquals(kapacitords, await(ServerIds.load(vertx, dataDir)).clusterId());
        } finally {
            await(vertx.close());
        }
    }
}
