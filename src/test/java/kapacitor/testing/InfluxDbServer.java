package kapacitor.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real InfluxDB 1.x (Debian's {@code influxd}) on loopback with a throw-away config and data dir, for tests of
 * subscriptions, batch queries and influxDBOut. {@code .ci/run} installs the package.
 */
public final class InfluxDbServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InfluxDbServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static InfluxDbServer start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("influxd-test");
        int port = Http.freePort();
        int rpc = Http.freePort();
        Path conf = dir.resolve("influxdb.conf");
        Files.writeString(conf, String.join("\n",
            "reporting-disabled = true",
            "bind-address = \"127.0.0.1:" + rpc + "\"",
            "[meta]", "  dir = \"" + dir.resolve("meta") + "\"", "  logging-enabled = false",
            "[data]", "  dir = \"" + dir.resolve("data") + "\"", "  wal-dir = \"" + dir.resolve("wal") + "\"",
            "  query-log-enabled = false",
            "[http]", "  bind-address = \"127.0.0.1:" + port + "\"", "  log-enabled = false",
            "[monitor]", "  store-enabled = false",
            "[subscriber]", "  enabled = true",
            "[continuous_queries]", "  enabled = false", ""));
        Process p = new ProcessBuilder("influxd", "run", "-config", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("influxd.log").toFile())
            .start();
        InfluxDbServer server = new InfluxDbServer(p, dir, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("influxd exited: " + Files.readString(dir.resolve("influxd.log")));
            }
            try {
                if (server.send("GET", "/ping", null).statusCode() == 204) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        server.close();
        throw new IllegalStateException("influxd did not answer /ping within 30 s");
    }

    public int port() {
        return port;
    }

    /** Runs an InfluxQL statement; returns the JSON body. */
    public String query(String q) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/query?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
        if (r.statusCode() != 200 || r.body().contains("\"error\"")) {
            throw new IllegalStateException("query failed: " + q + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    public void write(String db, String lines) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/write?db=" + db, lines);
        if (r.statusCode() != 204) {
            throw new IllegalStateException("write failed: " + r.statusCode() + " " + r.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException,
        InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }
}
