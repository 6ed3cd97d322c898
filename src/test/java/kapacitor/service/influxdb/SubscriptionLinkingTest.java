package kapacitor.service.influxdb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.InfluxDbServer;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server against a real influxd with {@code [[influxdb]]} subscriptions on, as a Kapacitor user runs it:
 * no manual CREATE SUBSCRIPTION, InfluxDB pushes its writes to the tasks.
 */
class SubscriptionLinkingTest {
    private static final long S = 1_000_000_000L;

    private static InfluxDbServer influxd;

    @BeforeAll
    static void startInfluxd() throws Exception {
        influxd = InfluxDbServer.start();
    }

    @AfterAll
    static void stopInfluxd() {
        if (influxd != null) {
            influxd.close();
        }
    }

    /** A server whose only [[influxdb]] is our influxd, with {@code extra} lines added to that section. */
    private static TestServer server(String... extra) throws Exception {
        return server(Map.of(), extra);
    }

    private static TestServer server(Map<String, String> env, String... extra) throws Exception {
        return TestServer.postgres(withConfig(env, extra));
    }

    private static Map<String, String> withConfig(Map<String, String> env, String... extra) throws Exception {
        Path conf = Files.createTempFile("kapacitor", ".conf");
        List<String> lines = new ArrayList<>(List.of(
            "hostname = \"127.0.0.1\"",
            "[[influxdb]]",
            "  enabled = true",
            "  default = true",
            "  name = \"local\"",
            "  urls = [\"http://127.0.0.1:" + influxd.port() + "\"]"));
        lines.addAll(List.of(extra));
        lines.add("");
        Files.writeString(conf, String.join("\n", lines));
        Map<String, String> all = new HashMap<>(env);
        all.put("KAPACITOR_CONFIG_PATH", conf.toString());
        return all;
    }

    /** SHOW SUBSCRIPTIONS as "db.rp name mode destinations" lines, for subscriptions named {@code name}. */
    private static List<String> subscriptions(String name) throws Exception {
        List<String> out = new ArrayList<>();
        JsonObject result = new JsonObject(influxd.query("SHOW SUBSCRIPTIONS")).getJsonArray("results")
            .getJsonObject(0);
        JsonArray series = result.getJsonArray("series", new JsonArray());
        for (int i = 0; i < series.size(); i++) {
            JsonObject s = series.getJsonObject(i);
            JsonArray values = s.getJsonArray("values", new JsonArray());
            for (int j = 0; j < values.size(); j++) {
                JsonArray v = values.getJsonArray(j);
                if (name == null || name.equals(v.getString(1))) {
                    out.add(s.getString("name") + "." + v.getString(0) + " " + v.getString(1) + " " + v.getString(2)
                        + " " + String.join(",", v.getJsonArray(3).stream().map(String::valueOf).toList()));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String subName(TestServer server) {
        return "kapacitor-" + await(server.http().get("/kapacitor/v1/debug/vars")).json().getString("cluster_id");
    }

    private static String http(TestServer server) {
        return "http://127.0.0.1:" + server.http().port();
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

    private static void streamTask(TestServer server, String id, String db) {
        String script = "stream\n    |from()\n        .measurement('cpu')\n    |httpOut('out')\n";
        JsonObject task = new JsonObject().put("id", id).put("type", "stream").put("status", "enabled")
            .put("script", script)
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", db).put("rp", "autogen")));
        Http.Response r = await(server.http().post("/kapacitor/v1/tasks", task));
        assertEquals(200, r.status(), r.text());
    }

    /** Writes a point into influxd and waits until the task's httpOut shows it. */
    private static void assertPointFlows(TestServer server, String task, String db, double value) throws Exception {
        long t = (System.currentTimeMillis() / 1000) * S;
        influxd.write(db, "cpu,host=a value=" + value + " " + t);
        eventually(() -> {
            String out = await(server.http().get("/kapacitor/v1/tasks/" + task + "/out")).text();
            assertTrue(out.contains(String.valueOf(value)), out);
            return null;
        });
    }

    private static int writeAs(TestServer server, String userInfo, String db) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + server.http().port() + "/write?db=" + db))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("cpu value=1")).build();
        return java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString())
            .statusCode();
    }

    @Test
    void linksEveryDatabaseButTheExcludedOneAndInfluxDBWritesReachATask() throws Exception {
        influxd.query("CREATE DATABASE linked");
        influxd.query("CREATE DATABASE _kapacitor");
        influxd.query("CREATE SUBSCRIPTION \"someone_else\" ON \"linked\".\"autogen\" DESTINATIONS ALL "
            + "'http://127.0.0.1:1'");
        try (TestServer server = server()) {
            String name = subName(server);
            // Linked before the API answered, as kapacitord links before httpd opens.
            List<String> ours = subscriptions(name);
            assertTrue(ours.contains("linked.autogen " + name + " ANY " + http(server)), ours.toString());
            assertFalse(ours.stream().anyMatch(s -> s.startsWith("_kapacitor.")), ours.toString());
            assertEquals(ours.size(), await(server.http().get("/kapacitor/v1/debug/vars")).json()
                .getInteger("num_subscriptions"));
            assertTrue(subscriptions("someone_else").contains("linked.autogen someone_else ALL http://127.0.0.1:1"),
                "a subscription of another name is left alone");

            streamTask(server, "sub_flow", "linked");
            assertPointFlows(server, "sub_flow", "linked", 42.5);
        } finally {
            influxd.query("DROP SUBSCRIPTION \"someone_else\" ON \"linked\".\"autogen\"");
            influxd.query("DROP DATABASE linked");
            influxd.query("DROP DATABASE _kapacitor");
        }
    }

    @Test
    void postSubscriptionsRecreatesADroppedSubscriptionAndLinksNewDatabases() throws Exception {
        influxd.query("CREATE DATABASE relink");
        try (TestServer server = server()) {
            String name = subName(server);
            influxd.query("DROP SUBSCRIPTION \"" + name + "\" ON \"relink\".\"autogen\"");
            influxd.query("CREATE DATABASE relink_new");
            assertEquals(List.of(), subscriptions(name).stream().filter(s -> s.startsWith("relink")).toList());

            Http.Response r = await(server.http().post("/kapacitor/v1/subscriptions", ""));
            assertEquals(204, r.status(), r.text());
            assertEquals(0, r.body().length());
            List<String> ours = subscriptions(name);
            assertTrue(ours.contains("relink.autogen " + name + " ANY " + http(server)), ours.toString());
            assertTrue(ours.contains("relink_new.autogen " + name + " ANY " + http(server)), ours.toString());

            streamTask(server, "sub_new", "relink_new");
            assertPointFlows(server, "sub_new", "relink_new", 7.25);
        } finally {
            influxd.query("DROP DATABASE relink");
            influxd.query("DROP DATABASE relink_new");
        }
    }

    @Test
    void aStaleSubscriptionOfOursWithAnotherDestinationIsReplaced() throws Exception {
        influxd.query("CREATE DATABASE stale");
        try (TestServer server = server()) {
            String name = subName(server);
            influxd.query("DROP SUBSCRIPTION \"" + name + "\" ON \"stale\".\"autogen\"");
            influxd.query("CREATE SUBSCRIPTION \"" + name + "\" ON \"stale\".\"autogen\" DESTINATIONS ALL "
                + "'http://otherhost:9092'");

            assertEquals(204, await(server.http().post("/kapacitor/v1/subscriptions", "")).status());
            List<String> ours = subscriptions(name).stream().filter(s -> s.startsWith("stale.")).toList();
            assertEquals(List.of("stale.autogen " + name + " ANY " + http(server)), ours);

            // Kapacitor's old name "kapacitor" is renamed, keeping its mode and destinations.
            influxd.query("CREATE DATABASE legacy");
            influxd.query("CREATE SUBSCRIPTION \"kapacitor\" ON \"legacy\".\"autogen\" DESTINATIONS ALL '"
                + http(server) + "'");
            assertEquals(204, await(server.http().post("/kapacitor/v1/subscriptions", "")).status());
            assertEquals(List.of(), subscriptions("kapacitor"));
            assertTrue(subscriptions(name).contains("legacy.autogen " + name + " ALL " + http(server)),
                subscriptions(name).toString());
        } finally {
            influxd.query("DROP DATABASE stale");
            influxd.query("DROP DATABASE legacy");
        }
    }

    @Test
    void aRestartedServerKeepsItsSubscriptionName() throws Exception {
        influxd.query("CREATE DATABASE restarted");
        Path dataDir = Files.createTempDirectory("kapacitord-restart");
        try {
            TestServer first = TestServer.embedded(dataDir, withConfig(Map.of()));
            String name = subName(first);
            first.stop();
            TestServer second = TestServer.embedded(dataDir, withConfig(Map.of()));
            try {
                assertEquals(name, subName(second));
                assertEquals(List.of("restarted.autogen " + name + " ANY " + http(second)), subscriptions(null));
            } finally {
                second.stop();
            }
        } finally {
            influxd.query("DROP DATABASE restarted");
        }
    }

    @Test
    void disableSubscriptionsLinksNothing() throws Exception {
        influxd.query("CREATE DATABASE quiet");
        try (TestServer server = server("  disable-subscriptions = true")) {
            String name = subName(server);
            assertEquals(204, await(server.http().post("/kapacitor/v1/subscriptions", "")).status());
            assertEquals(List.of(), subscriptions(name));
        } finally {
            influxd.query("DROP DATABASE quiet");
        }
    }

    @Test
    void subscriptionsMapSelectsTheDatabasesAndExcludedOnesAreDropped() throws Exception {
        influxd.query("CREATE DATABASE chosen");
        influxd.query("CREATE DATABASE other");
        try (TestServer server = server("  [influxdb.subscriptions]", "    chosen = [\"autogen\"]")) {
            String name = subName(server);
            assertEquals(List.of("chosen.autogen " + name + " ANY " + http(server)), subscriptions(name));

            // Excluding it later through the config API drops it on the next link.
            Http.Response r = await(server.http().post("/kapacitor/v1/config/influxdb/local", new JsonObject()
                .put("set", new JsonObject().put("excluded-subscriptions",
                    new JsonObject().put("chosen", new JsonArray().add("autogen"))))));
            assertEquals(204, r.status(), r.text());
            eventually(() -> {
                assertEquals(List.of(), subscriptions(name));
                return null;
            });
        } finally {
            influxd.query("DROP DATABASE chosen");
            influxd.query("DROP DATABASE other");
        }
    }

    @Test
    void disablingSubscriptionsThroughTheConfigApiUnlinksThem() throws Exception {
        influxd.query("CREATE DATABASE unlinked");
        try (TestServer server = server()) {
            String name = subName(server);
            assertFalse(subscriptions(name).isEmpty());
            Http.Response r = await(server.http().post("/kapacitor/v1/config/influxdb/local",
                new JsonObject().put("set", new JsonObject().put("disable-subscriptions", true))));
            assertEquals(204, r.status(), r.text());
            eventually(() -> {
                assertEquals(List.of(), subscriptions(name));
                return null;
            });
        } finally {
            influxd.query("DROP DATABASE unlinked");
        }
    }

    @Test
    void disablingTheClusterThroughTheConfigApiUnlinksIt() throws Exception {
        influxd.query("CREATE DATABASE gone");
        try (TestServer server = server()) {
            String name = subName(server);
            assertEquals(List.of("gone.autogen " + name + " ANY " + http(server)), subscriptions(name));
            Http.Response r = await(server.http().post("/kapacitor/v1/config/influxdb/local",
                new JsonObject().put("set", new JsonObject().put("enabled", false))));
            assertEquals(204, r.status(), r.text());
            eventually(() -> {
                assertEquals(List.of(), subscriptions(name));
                return null;
            });
            // With no enabled cluster left, linking has nothing to do.
            assertEquals(204, await(server.http().post("/kapacitor/v1/subscriptions", "")).status());
            assertEquals(0, await(server.http().get("/kapacitor/v1/debug/vars")).json()
                .getInteger("num_subscriptions"));
        } finally {
            influxd.query("DROP DATABASE gone");
        }
    }

    @Test
    void udpSubscriptionsGetAListenerOfTheirOwn() throws Exception {
        influxd.query("CREATE DATABASE viaudp");
        try (TestServer server = server("  subscription-protocol = \"udp\"", "  udp-bind = \"127.0.0.1\"")) {
            String name = subName(server);
            List<String> ours = subscriptions(name);
            assertEquals(1, ours.size(), ours.toString());
            assertTrue(ours.get(0).matches("viaudp\\.autogen " + name + " ANY udp://127\\.0\\.0\\.1:\\d+"),
                ours.toString());
            assertFalse(ours.get(0).endsWith(":0"), ours.toString());

            streamTask(server, "sub_udp", "viaudp");
            assertPointFlows(server, "sub_udp", "viaudp", 3.5);
        } finally {
            influxd.query("DROP DATABASE viaudp");
        }
    }

    @Test
    void withHttpAuthTheDestinationCarriesAGrantedSubscriptionToken() throws Exception {
        influxd.query("CREATE DATABASE secured");
        Map<String, String> env = Map.of("KAPACITOR_AUTH_ENABLED", "true", "KAPACITOR_AUTH_BCRYPT_COST", "4",
            "KAPACITOR_HTTP_AUTH_ENABLED", "true");
        try (TestServer server = server(env)) {
            List<String> ours = subscriptions(null).stream().filter(s -> s.startsWith("secured.")).toList();
            assertEquals(1, ours.size(), ours.toString());
            String dest = ours.get(0).substring(ours.get(0).lastIndexOf(' ') + 1);
            assertTrue(dest.startsWith("http://~subscriber:"), dest);
            assertTrue(dest.endsWith("@127.0.0.1:" + server.http().port()), dest);
            String token = dest.substring("http://~subscriber:".length(), dest.indexOf('@'));
            assertEquals("local", SubscriptionTokens.clusterOf(token));

            // The token is a granted user: a write with it passes, one with a token never granted does not.
            assertEquals(204, writeAs(server, "~subscriber:" + token, "secured"));
            assertEquals(401, writeAs(server, "~subscriber:" + SubscriptionTokens.generate("local",
                new java.security.SecureRandom()), "secured"));
        } finally {
            influxd.query("DROP DATABASE secured");
        }
    }
}
