package kapacitor.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.InfluxDbServer;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server with a real influxd as its {@code [[influxdb]]} cluster: a batch task queries data written into
 * influxd and serves it on httpOut; an influxDBOut stream task writes what it receives back into influxd.
 */
class InfluxDBEndToEndTest {
    private static final long S = 1_000_000_000L;

    private static InfluxDbServer influxd;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        influxd = InfluxDbServer.start();
        Path conf = Files.createTempFile("kapacitor", ".conf");
        Files.writeString(conf, String.join("\n",
            "[[influxdb]]",
            "  enabled = true",
            "  default = true",
            "  name = \"local\"",
            "  urls = [\"http://127.0.0.1:" + influxd.port() + "\"]",
            "  disable-subscriptions = true", ""));
        server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    private static JsonObject task(String id, String type, String db, String script) {
        return new JsonObject().put("id", id).put("type", type).put("status", "enabled").put("script", script)
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", db).put("rp", "autogen")));
    }

    private static <T> T eventually(Callable<T> attempt) throws Exception {
        long deadline = System.nanoTime() + 20 * S;
        while (true) {
            try {
                return attempt.call();
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void batchTaskQueriesInfluxDBOnSchedule() throws Exception {
        influxd.query("CREATE DATABASE e2e");
        long t1 = (System.currentTimeMillis() / 1000 - 600) * S;
        influxd.write("e2e", "cpu,host=a value=1 " + t1 + "\ncpu,host=b value=2 " + t1 + "\ncpu,host=a value=3 "
            + (t1 + S) + "\n");
        String script = "batch\n    |query('SELECT \"value\" FROM \"e2e\".\"autogen\".\"cpu\"')\n"
            + "        .period(1h)\n        .every(100ms)\n        .groupBy('host')\n    |httpOut('out')\n";
        assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task("e2e_batch", "batch", "e2e", script)))
            .status());

        String expected = result(
            row("cpu", tags("host", "a"), columns("value"), new Object[] {t1, 1.0}, new Object[] {t1 + S, 3.0}),
            row("cpu", tags("host", "b"), columns("value"), new Object[] {t1, 2.0}));
        eventually(() -> {
            assertEquals(expected, await(server.http().get("/kapacitor/v1/tasks/e2e_batch/out")).text());
            return null;
        });
        JsonObject view = await(server.http().get("/kapacitor/v1/tasks/e2e_batch")).json();
        String dot = view.getString("dot");
        assertTrue(dot.startsWith("digraph e2e_batch {"), dot);
        assertTrue(dot.contains("query1 -> http_out2"), dot);
        assertFalse(dot.contains("batch0"), dot);
        long queried = view.getJsonObject("stats").getJsonObject("node-stats").getJsonObject("query1")
            .getLong("batches_queried");
        assertTrue(queried >= 2, view.encode());
    }

    @Test
    void influxDBOutWritesStreamPointsIntoInfluxDB() throws Exception {
        String script = "stream\n    |from()\n        .measurement('cpu')\n    |influxDBOut()\n        .create()\n"
            + "        .database('copy')\n        .retentionPolicy('autogen')\n        .measurement('cpu_copy')\n"
            + "        .tag('kapacitor', 'true')\n        .flushInterval(100ms)\n";
        assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task("e2e_out", "stream", "src", script)))
            .status());
        long t = (System.currentTimeMillis() / 1000 - 60) * S;
        assertEquals(204, await(server.http().post("/kapacitor/v1/write?db=src&rp=autogen",
            "cpu,host=a value=1.5 " + t + "\ncpu,host=b value=2 " + (t + S) + "\n")).status());

        String body = eventually(() -> {
            String b = influxd.query("SELECT * FROM \"copy\".\"autogen\".\"cpu_copy\"");
            assertTrue(b.contains("\"values\""), b);
            return b;
        });
        JsonArray values = new JsonObject(body).getJsonArray("results").getJsonObject(0).getJsonArray("series")
            .getJsonObject(0).getJsonArray("values");
        assertEquals(new JsonArray().add("time").add("host").add("kapacitor").add("value"),
            new JsonObject(body).getJsonArray("results").getJsonObject(0).getJsonArray("series").getJsonObject(0)
                .getJsonArray("columns"));
        assertEquals(2, values.size(), body);
        assertEquals(new JsonArray().add("a").add("true").add(1.5), new JsonArray(values.getJsonArray(0).getList()
            .subList(1, 4)));
        assertEquals(new JsonArray().add("b").add("true").add(2), new JsonArray(values.getJsonArray(1).getList()
            .subList(1, 4)));
        eventually(() -> {
            JsonObject stats = await(server.http().get("/kapacitor/v1/tasks/e2e_out")).json().getJsonObject("stats")
                .getJsonObject("node-stats").getJsonObject("influxdb_out2");
            assertEquals(2L, stats.getLong("points_written"), stats.encode());
            assertEquals(0L, stats.getLong("write_errors"), stats.encode());
            return null;
        });
    }
}
