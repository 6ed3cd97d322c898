package kapacitor.app;

import io.vertx.core.Vertx;
import kapacitor.store.PgTestDb;
import kapacitor.store.Store;
import kapacitor.store.Stores;
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

    @Test
    void clusterNodesShareTheFirstNodesClusterIdThroughTheStore() throws Exception {
        Vertx vertx = Vertx.vertx();
        String schema = PgTestDb.freshSchema();
        try {
            Store store = await(Stores.open(vertx, PgTestDb.url(schema), null));
            try {
                Path first = dir.resolve("node1");
                Path second = dir.resolve("node2");
                // The first node was a standalone server: its subscriptions keep their name.
                ServerIds standalone = await(ServerIds.load(vertx, first));
                ServerIds a = await(ServerIds.loadShared(vertx, first, store));
                ServerIds b = await(ServerIds.loadShared(vertx, second, store));
                assertEquals(standalone, a);
                assertEquals(a.clusterId(), b.clusterId());
                assertNotEquals(a.serverId(), b.serverId());
                assertNotEquals(a.clusterId(), await(ServerIds.load(vertx, second)).clusterId());
                assertEquals(b, await(ServerIds.loadShared(vertx, second, store)));
            } finally {
                await(store.close());
            }
        } finally {
            await(PgTestDb.dropSchema(vertx, schema));
            await(vertx.close());
        }
    }
}
