package kapacitor.api.tasks;

import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.app.RootVerticle;
import kapacitor.config.ConfigLoader;
import kapacitor.config.LoadedConfig;
import kapacitor.runtime.TaskRunner;
import kapacitor.store.PgTestDb;
import kapacitor.testing.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static kapacitor.testing.Await.await;

/**
 * A whole server on PostgreSQL (fresh schema) with a given task runner, for the task and template API tests. Unlike
 * {@code TestServer} it can be restarted on the same schema with a new runner.
 */
public final class TaskTestServer implements AutoCloseable {
    private final String schema;
    private final Path dataDir;
    private Vertx vertx;
    private String deploymentId;
    private Http http;

    private TaskTestServer(String schema, Path dataDir) {
        this.schema = schema;
        this.dataDir = dataDir;
    }

    public static TaskTestServer start(TaskRunner runner) {
        try {
            Path dataDir = Files.createTempDirectory("kapacitord-tasks");
            TaskTestServer s = new TaskTestServer(PgTestDb.freshSchema(), dataDir);
            s.boot(runner);
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void boot(TaskRunner runner) {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        int port = Http.freePort();
        Map<String, String> env = Map.of(
            "KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + port,
            "KAPACITOR_DATA_DIR", dataDir.toString(),
            "KAPACITOR_HTTP_LOG_ENABLED", "false",
            "KAPACITOR_STORAGE_URL", PgTestDb.url(schema));
        LoadedConfig loaded = ConfigLoader.load(new String[] {"-config", "/dev/null"}, env, dataDir);
        deploymentId = await(vertx.deployVerticle(new RootVerticle(loaded, (v, ingest) -> runner)));
        http = new Http(vertx, port);
    }

    /** Stops the server and starts it again on the same data with {@code runner}. */
    public void restart(TaskRunner runner) {
        stop();
        boot(runner);
    }

    public Http http() {
        return http;
    }

    private void stop() {
        await(vertx.undeploy(deploymentId));
        await(vertx.close());
    }

    @Override
    public void close() {
        stop();
        Vertx v = Vertx.vertx();
        try {
            await(PgTestDb.dropSchema(v, schema));
        } finally {
            await(v.close());
        }
    }
}
