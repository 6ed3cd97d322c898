package kapacitor.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The cluster and server ids, kept in {@code data_dir/cluster.id} and {@code data_dir/server.id} as kapacitord keeps
 * them, so they survive restarts: InfluxDB subscriptions are named after the cluster id, and a new id on every
 * start would leave the old subscriptions pushing duplicate writes. The nodes of a cluster share one cluster id,
 * kept in the store ({@link #loadShared}), so that together they hold a single subscription per db.rp.
 */
public record ServerIds(String clusterId, String serverId) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerIds.class);
    static final String CLUSTER_ID_FILE = "cluster.id";
    static final String SERVER_ID_FILE = "server.id";
    /** The cluster_settings entry holding the cluster id of a clustered store. */
    static final String CLUSTER_ID_SETTING = "cluster-id";

    /** Reads the ids, creating missing ones (and data_dir), on a worker thread. */
    public static Future<ServerIds> load(Vertx vertx, Path dataDir) {
        return local(vertx, dataDir).onSuccess(ServerIds::log);
    }

    /**
     * For a cluster node: the server id from data_dir, the cluster id from the shared store. The first node to get
     * there stores its own data_dir id, so a standalone server that becomes a cluster's first node keeps the
     * subscription names it had; every later node adopts that id whatever its data_dir says.
     */
    public static Future<ServerIds> loadShared(Vertx vertx, Path dataDir, Store store) {
        return local(vertx, dataDir)
            .compose(own -> store.clusterSettings().claim(CLUSTER_ID_SETTING, own.clusterId())
                .map(shared -> new ServerIds(shared, own.serverId())))
            .onSuccess(ServerIds::log);
    }

    private static Future<ServerIds> local(Vertx vertx, Path dataDir) {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(dataDir);
            return new ServerIds(id(dataDir.resolve(CLUSTER_ID_FILE)), id(dataDir.resolve(SERVER_ID_FILE)));
        }, false);
    }

    private static void log(ServerIds ids) {
        LOG.info("msg=\"listing ClusterID and ServerID\" cluster_id={} server_id={}", ids.clusterId(),
            ids.serverId());
    }

    private static String id(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            // Go's uuid.ParseBytes; the nil uuid counts as none, as in kapacitord.
            UUID id = UUID.fromString(text);
            if (id.getMostSignificantBits() != 0 || id.getLeastSignificantBits() != 0) {
                return id.toString();
            }
        } catch (NoSuchFileException absent) {
            // first start
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid id in " + file + ": " + e.getMessage(), e);
        }
        String fresh = UUID.randomUUID().toString();
        try {
            Files.writeString(file, fresh, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to save " + file, e);
        }
        return fresh;
    }
}
