package kapacitor.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import kapacitor.store.PgTestDb;
import kapacitor.testing.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kapacitord JVMs clustered through Hazelcast on 127.0.0.1 in a private cluster name and port range, sharing one
 * fresh PostgreSQL schema; {@link #close} stops them and drops the schema.
 */
final class ClusterProcesses implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Node(int port, Process process, Path log) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    private final String schema = PgTestDb.freshSchema();
    private final List<Node> nodes = new ArrayList<>();
    private final Path dir;
    private final Path hazelcastXml;
    private final int hazelcastPort = 21000 + ThreadLocalRandom.current().nextInt(0, 800) * 10;
    private final String configPath;

    ClusterProcesses() throws IOException {
        this("");
    }

    /** Nodes started with {@code config} as their configuration file (TOML); none when it is empty. */
    ClusterProcesses(String config) throws IOException {
        dir = Files.createTempDirectory("kapacitord-cluster");
        if (config.isEmpty()) {
            configPath = "/dev/null";
        } else {
            Path conf = dir.resolve("kapacitor.conf");
            Files.writeString(conf, config);
            configPath = conf.toString();
        }
        String xml = Files.readString(Path.of("cluster/hazelcast.xml"))
            .replace("<cluster-name>kapacitor</cluster-name>",
                "<cluster-name>test-" + UUID.randomUUID() + "</cluster-name>");
        hazelcastXml = dir.resolve("hazelcast.xml");
        Files.writeString(hazelcastXml, xml);
    }

    /** Starts {@code count} nodes and waits until each answers and sees all of them; answers them by node id. */
    Map<String, Node> start(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            launch(i);
        }
        for (Node n : nodes) {
            awaitTrue(() -> status("GET", n.url("/kapacitor/v1/ping"), null) == 204, 90, "node up", n);
        }
        for (Node n : nodes) {
            awaitTrue(() -> cluster(n).getJsonArray("members").size() == count, 30, "all members", n);
        }
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node n : nodes) {
            byId.put(cluster(n).getString("self"), n);
        }
        return byId;
    }

    private void launch(int index) throws IOException {
        int port = Http.freePort();
        Path log = dir.resolve("node" + index + ".log");
        Path data = Files.createDirectories(dir.resolve("data" + index));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), "kapacitor.Main", "-config", configPath));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KAPACITOR_"));
        pb.environment().putAll(Map.of(
            "KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + port,
            "KAPACITOR_HTTP_LOG_ENABLED", "false",
            "KAPACITOR_DATA_DIR", data.toString(),
            "KAPACITOR_STORAGE_URL", PgTestDb.url(schema),
            "KAPACITOR_CLUSTER_ENABLED", "true",
            "KAPACITOR_CLUSTER_HAZELCAST_CONFIG", hazelcastXml.toString(),
            "KAPACITOR_CLUSTER_PORT", String.valueOf(hazelcastPort),
            "KAPACITOR_CLUSTER_MEMBERS", "127.0.0.1"));
        nodes.add(new Node(port, pb.start(), log));
    }

    @Override
    public void close() throws Exception {
        for (Node n : nodes) {
            n.process().destroy();
        }
        for (Node n : nodes) {
            if (!n.process().waitFor(20, TimeUnit.SECONDS)) {
                n.process().destroyForcibly();
            }
        }
        Vertx v = Vertx.vertx();
        try {
            await(PgTestDb.dropSchema(v, schema));
        } finally {
            await(v.close());
        }
    }

    /** The level stored for an event of a topic, "" when none is stored. */
    String storedLevel(String topic, String eventId) {
        Vertx v = Vertx.vertx();
        Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(PgTestDb.url(schema))).using(v).build();
        try {
            RowSet<Row> rows = await(pool.preparedQuery("SELECT level FROM topic_event_states WHERE topic = $1 AND "
                + "event_id = $2").execute(Tuple.of(topic, eventId)));
            return rows.size() == 0 ? "" : rows.iterator().next().getString(0);
        } finally {
            await(pool.close());
            await(v.close());
        }
    }

    static JsonObject cluster(Node n) {
        HttpResponse<String> r = send("GET", n.url("/kapacitor/v1/cluster"), null);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    static int status(String method, String url, String body) {
        try {
            return send(method, url, body).statusCode();
        } catch (IllegalStateException notYet) {
            return -1;
        }
    }

    static HttpResponse<String> send(String method, String url, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        b.method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds; on time-out fails with the tail of node {@code n}'s log. */
    static void awaitTrue(BooleanSupplier condition, int seconds, String what, Node n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while a node starts
            }
            Thread.sleep(100);
        }
        String log = Files.readString(n.log());
        fail("timed out waiting for: " + what + "\n--- log of node on port " + n.port() + ":\n"
            + (log.length() > 6000 ? log.substring(log.length() - 6000) : log));
    }
}
