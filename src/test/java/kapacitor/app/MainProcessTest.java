package kapacitor.app;

import kapacitor.testing.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon as an operator runs it: a separate JVM, configured by environment, stopped by SIGTERM. */
class MainProcessTest {
    private static Process launch(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"), "kapacitor.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KAPACITOR_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        int port = Http.freePort();
        Path dir = Files.createTempDirectory("kapacitord-main");
        Path log = dir.resolve("out.log");
        Process p = launch(Map.of("KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + port,
            "KAPACITOR_DATA_DIR", dir.toString()), log, "-config", "/dev/null");
        try {
            HttpClient client = HttpClient.newHttpClient();
            int status = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (status != 204 && System.nanoTime() < deadline) {
                try {
                    status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/kapacitor/v1/ping")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals(204, status, Files.readString(log));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after SIGTERM");
            String out = Files.readString(log);
            assertTrue(out.contains("signal received, shutting down"), out);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badConfigValueExitsNonZeroNamingTheKey() throws Exception {
        Path log = Files.createTempFile("kapacitord", ".log");
        Process p = launch(Map.of("KAPACITOR_HTTP_AUTH_ENABLED", "sometimes"), log, "-config", "/dev/null");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(Files.readString(log).contains("http.auth-enabled"), Files.readString(log));
    }

    @Test
    void unreachableStoreExitsNonZeroWithTheReason() throws Exception {
        Path log = Files.createTempFile("kapacitord", ".log");
        Process p = launch(Map.of("KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + Http.freePort(),
            "KAPACITOR_STORAGE_URL", "postgresql://postgres@127.0.0.1:" + Http.freePort() + "/test"),
            log, "-config", "/dev/null");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a failed start does not leave the JVM running");
        assertEquals(1, p.exitValue());
        assertTrue(Files.readString(log).contains("cannot open store at"), Files.readString(log));
    }

    @Test
    void configCommandPrintsTheDefaults() throws Exception {
        Path log = Files.createTempFile("kapacitord", ".log");
        Process p = launch(Map.of(), log, "config");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String out = Files.readString(log);
        assertTrue(out.contains("[http]\n  bind-address = \":9092\""), out);
        assertTrue(out.contains("[[influxdb]]"), out);
    }
}
