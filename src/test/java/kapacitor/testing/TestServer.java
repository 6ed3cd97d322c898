package kapacitor.testing;

import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.app.RootVerticle;
import kapacitor.config.ConfigLoader;
import kapacitor.config.LoadedConfig;
import kapacitor.store.PgTestDb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static kapacitor.testing.Await.await;

/**
 * A whole server for API tests, configured the way a user configures one (KAPACITOR_* environment through the real
 * config loader), on a free loopback port, with PostgreSQL in a schema of its own or the embedded store in a temp dir.
 */
public final class TestServer implements AutoCloseable {
    private final Vertx vertx;
    private final RootVerticle root;
    private final String deploymentId;
    private final Http http;
    private final String schema;
    private final Path dataDir;

    private TestServer(Map<String, String> env, String schema, Path dataDir) {
        this.schema = schema;
        this.dataDir = dataDir;
        this.vertx = Vertx.vertx();
        Codecs.register(vertx);
        int port = Http.freePort();
        Map<String, String> all = new HashMap<>(env);
        all.put("KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + port);
        all.put("KAPACITOR_DATA_DIR", dataDir.toString());
        all.putIfAbsent("KAPACITOR_HTTP_LOG_ENABLED", "false");
        String file = all.getOrDefault("KAPACITOR_CONFIG_PATH", "/dev/null");
        LoadedConfig loaded = ConfigLoader.load(new String[] {"-config", file}, all, dataDir);
        this.root = new RootVerticle(loaded);
        this.deploymentId = await(vertx.deployVerticle(root));
        this.http = new Http(vertx, port);
    }

    /** A server on PostgreSQL (127.0.0.1:5432, database test) in a fresh schema. */
    public static TestServer postgres() {
        return postgres(Map.of());
    }

    public static TestServer postgres(Map<String, String> env) {
        String schema = PgTestDb.freshSchema();
        Map<String, String> all = new HashMap<>(env);
        all.put("KAPACITOR_STORAGE_URL", PgTestDb.url(schema));
        return new TestServer(all, schema, tempDir());
    }

    /** A server on the embedded store in {@code dataDir} (a new temp dir when null). */
    public static TestServer embedded(Path dataDir) {
        return embedded(dataDir, Map.of());
    }

    /** A server on the embedded store in {@code dataDir} (a new temp dir when null), configured by {@code env}. */
    public static TestServer embedded(Path dataDir, Map<String, String> env) {
        return new TestServer(env, null, dataDir == null ? tempDir() : dataDir);
    }

    public Http http() {
        return http;
    }

    public Vertx vertx() {
        return vertx;
    }

    public RootVerticle root() {
        return root;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server but keeps its data (for restart tests). */
    public void stop() {
        await(vertx.undeploy(deploymentId));
        await(vertx.close());
    }

    @Override
    public void close() {
        stop();
        if (schema != null) {
            Vertx v = Vertx.vertx();
            try {
                await(PgTestDb.dropSchema(v, schema));
            } finally {
                await(v.close());
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kapacitord-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
