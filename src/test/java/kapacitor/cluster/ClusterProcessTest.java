package kapacitor.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.store.PgTestDb;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three kapacitord JVMs clustered through Hazelcast on 127.0.0.1, sharing one PostgreSQL schema: tasks spread over
 * all of them, a write to one node reaches tasks on the others, a killed node's tasks run elsewhere, and no task ever
 * executes on two nodes.
 */
class ClusterProcessTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SCRIPT = "stream\n    |from()\n        .measurement('m')\n    |httpOut('out')\n";

    private final String schema = PgTestDb.freshSchema();
    private final List<Node> nodes = new ArrayList<>();
    private Path dir;

    private record Node(int port, Process process, Path log) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
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

    @Test
    void clusteringOnTheEmbeddedStoreIsRefused() throws Exception {
        dir = Files.createTempDirectory("kapacitord-cluster");
        Path log = dir.resolve("out.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "kapacitor.Main", "-config", "/dev/null")
            .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KAPACITOR_"));
        pb.environment().putAll(Map.of("KAPACITOR_CLUSTER_ENABLED", "true", "KAPACITOR_DATA_DIR", dir.toString(),
            "KAPACITOR_HTTP_BIND_ADDRESS", "127.0.0.1:" + Http.freePort()));
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertTrue(Files.readString(log).contains("clustering requires a PostgreSQL store: set [storage] url"),
                Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
    }

    private Node launch(int hazelcastPort, Path hazelcastXml, int index) throws IOException {
        int port = Http.freePort();
        Path log = dir.resolve("node" + index + ".log");
        Path data = Files.createDirectories(dir.resolve("data" + index));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), "kapacitor.Main", "-config", "/dev/null"));
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
        Node n = new Node(port, pb.start(), log);
        nodes.add(n);
        return n;
    }

    @Test
    void tasksSpreadRouteAcrossNodesAndFailOver() throws Exception {
        dir = Files.createTempDirectory("kapacitord-cluster");
        // Our own cluster name and port range, so parallel builds on this machine never join each other.
        String xml = Files.readString(Path.of("cluster/hazelcast.xml"))
            .replace("<cluster-name>kapacitor</cluster-name>",
                "<cluster-name>test-" + UUID.randomUUID() + "</cluster-name>");
        Path hazelcastXml = dir.resolve("hazelcast.xml");
        Files.writeString(hazelcastXml, xml);
        int hazelcastPort = 21000 + ThreadLocalRandom.current().nextInt(0, 800) * 10;
        for (int i = 0; i < 3; i++) {
            launch(hazelcastPort, hazelcastXml, i);
        }
        for (Node n : nodes) {
            awaitTrue(() -> status("GET", n.url("/kapacitor/v1/ping"), null) == 204, 90, "node up", n);
        }
        for (Node n : nodes) {
            awaitTrue(() -> cluster(n).getJsonArray("members").size() == 3, 30, "three members", n);
        }
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node n : nodes) {
            byId.put(cluster(n).getString("self"), n);
        }
        List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));

        // Five tasks for each node, chosen with the placement rule the servers use. So many that the node restarted
        // below (a new id, unknown until it runs) owns none of them only with chance (2/3)^15, about 0.2 %.
        Map<String, String> ownerOf = new LinkedHashMap<>();
        Map<String, Integer> perNode = new HashMap<>();
        for (int i = 0; ownerOf.size() < 15; i++) {
            String task = "task" + i;
            String owner = Rendezvous.owner(task, ids);
            if (perNode.getOrDefault(owner, 0) < 5) {
                perNode.merge(owner, 1, Integer::sum);
                ownerOf.put(task, owner);
            }
        }
        Node entry = nodes.get(0);
        for (String task : ownerOf.keySet()) {
            JsonObject body = new JsonObject().put("id", task).put("type", "stream").put("status", "enabled")
                .put("script", SCRIPT).put("dbrps", new JsonArray().add(new JsonObject().put("db", "db")
                    .put("rp", "rp")));
            HttpResponse<String> created = send("POST", entry.url("/kapacitor/v1/tasks"), body.encode());
            assertEquals(200, created.statusCode(), created.body());
            assertEquals(true, new JsonObject(created.body()).getBoolean("executing"), created.body());
        }
        for (Map.Entry<String, Node> e : byId.entrySet()) {
            Set<String> expected = new TreeSet<>();
            ownerOf.forEach((task, owner) -> {
                if (owner.equals(e.getKey())) {
                    expected.add(task);
                }
            });
            awaitTrue(() -> localTasks(e.getValue()).equals(expected), 15, "tasks placed by rendezvous",
                e.getValue());
        }
        assertNoTaskOnTwoNodes(nodes);
        // Task details (stats, DOT) come from the owner, whichever node is asked.
        for (Map.Entry<String, String> e : ownerOf.entrySet()) {
            Node reader = otherThan(byId.get(e.getValue()));
            JsonObject task = new JsonObject(send("GET", reader.url("/kapacitor/v1/tasks/" + e.getKey()), null)
                .body());
            assertEquals(true, task.getBoolean("executing"), task.encode());
            assertTrue(task.getJsonObject("stats").getJsonObject("node-stats").size() >= 2, task.encode());
            assertTrue(task.getString("dot").contains("->"), task.encode());
        }

        // A write to one node reaches every task, wherever it runs; each is read through a node that does not run it.
        long t1 = System.currentTimeMillis() * 1_000_000L;
        assertEquals(204, status("POST", entry.url("/kapacitor/v1/write?db=db&rp=rp"), "m,host=h value=1 " + t1));
        for (Map.Entry<String, String> e : ownerOf.entrySet()) {
            Node reader = otherThan(byId.get(e.getValue()));
            awaitTrue(() -> httpOut(reader, e.getKey()).contains("\"values\":[[") && httpOut(reader, e.getKey())
                .contains(",1]]"), 15, "point reached " + e.getKey(), reader);
        }

        // kill -9 one node: its tasks move to the survivors.
        String victimId = ids.get(1);
        Node victim = byId.get(victimId);
        List<Node> survivors = new ArrayList<>(nodes);
        survivors.remove(victim);
        long killedAt = System.nanoTime();
        victim.process().destroyForcibly();
        Set<String> all = new TreeSet<>(ownerOf.keySet());
        awaitTrue(() -> {
            Set<String> running = new TreeSet<>();
            assertNoTaskOnTwoNodes(survivors);
            survivors.forEach(n -> running.addAll(localTasks(n)));
            return running.equals(all);
        }, 20, "tasks of the killed node run on the survivors", survivors.get(0));
        long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        System.out.println("cluster failover: all tasks running again " + failoverMillis + " ms after kill -9");
        assertTrue(failoverMillis < 15_000, "failover took " + failoverMillis + " ms");
        assertNoTaskOnTwoNodes(survivors);

        // Moved tasks were taken over (epoch 2) and get new points written to any survivor. A node's cluster view
        // is refreshed by its reconcile loop, so wait until it has seen the other survivor's take-overs.
        awaitTrue(() -> {
            for (Object o : cluster(survivors.get(0)).getJsonArray("tasks")) {
                JsonObject t = (JsonObject) o;
                boolean moved = ownerOf.get(t.getString("id")).equals(victimId);
                if (t.getLong("epoch") != (moved ? 2L : 1L) || t.getString("owner").equals(victimId)) {
                    return false;
                }
            }
            return true;
        }, 15, "the take-overs in the survivor's cluster view", survivors.get(0));
        JsonObject view = cluster(survivors.get(0));
        for (Object o : view.getJsonArray("tasks")) {
            JsonObject t = (JsonObject) o;
            boolean moved = ownerOf.get(t.getString("id")).equals(victimId);
            assertEquals(moved ? 2L : 1L, t.getLong("epoch"), view.encodePrettily());
            assertTrue(!t.getString("owner").equals(victimId), view.encodePrettily());
        }
        long t2 = t1 + 1_000_000_000L;
        assertEquals(204, status("POST", survivors.get(1).url("/kapacitor/v1/write?db=db&rp=rp"),
            "m,host=h value=2 " + t2));
        for (Map.Entry<String, String> e : ownerOf.entrySet()) {
            Node reader = survivors.get(0);
            awaitTrue(() -> httpOut(reader, e.getKey()).contains(",2]]"), 15, "point reached " + e.getKey(),
                reader);
        }
        assertNoTaskOnTwoNodes(survivors);
        String vars = send("GET", survivors.get(0).url("/kapacitor/v1/debug/vars"), null).body();
        assertTrue(vars.contains("\"name\":\"cluster\""), vars);

        // The killed node comes back (a new JVM, so a new member id): it takes back the tasks rendezvous now gives
        // it, the others stay where they are, and no task executes on two nodes while they move.
        Map<String, JsonObject> before = leasesById(cluster(survivors.get(0)));
        long restartedAt = System.nanoTime();
        Node rejoined = launch(hazelcastPort, hazelcastXml, 3);
        awaitTrue(() -> status("GET", rejoined.url("/kapacitor/v1/ping"), null) == 204, 90, "node up", rejoined);
        long upAt = System.nanoTime();
        List<Node> three = List.of(survivors.get(0), survivors.get(1), rejoined);
        for (Node n : three) {
            awaitTrue(() -> {
                assertNoTaskOnTwoNodes(three);
                return cluster(n).getJsonArray("members").size() == 3;
            }, 30, "three members again", n);
        }
        String rejoinedId = cluster(rejoined).getString("self");
        List<String> ids3 = new ArrayList<>(List.of(rejoinedId, cluster(survivors.get(0)).getString("self"),
            cluster(survivors.get(1)).getString("self")));
        Set<String> back = new TreeSet<>();
        all.forEach(task -> {
            if (Rendezvous.owner(task, ids3).equals(rejoinedId)) {
                back.add(task);
            }
        });
        assertTrue(!back.isEmpty(), "rendezvous gives the rejoined node " + rejoinedId + " none of " + all);
        Map<Node, Set<String>> expectedOn = new HashMap<>();
        for (Node n : three) {
            expectedOn.put(n, new TreeSet<>());
        }
        for (String task : all) {
            String owner = Rendezvous.owner(task, ids3);
            Node n = owner.equals(rejoinedId) ? rejoined : byId.get(owner);
            expectedOn.get(n).add(task);
        }
        for (Node n : three) {
            awaitTrue(() -> {
                assertNoTaskOnTwoNodes(three);
                for (Node m : three) {
                    if (!localTasks(m).equals(expectedOn.get(m))) {
                        return false;
                    }
                }
                return true;
            }, 20, "rejoined node takes its share back", n);
        }
        long rejoinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upAt);
        System.out.println("cluster rejoin: " + back.size() + " of " + all.size() + " tasks back on the restarted node "
            + rejoinMillis + " ms after it answered, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt)
            + " ms after its launch");
        awaitTrue(() -> {
            Map<String, JsonObject> leases = leasesById(cluster(rejoined));
            return back.stream().allMatch(t -> leases.containsKey(t) && rejoinedId.equals(leases.get(t)
                .getString("owner")));
        }, 15, "leases of the moved tasks held by the rejoined node", rejoined);
        Map<String, JsonObject> after = leasesById(cluster(rejoined));
        for (String task : all) {
            JsonObject was = before.get(task);
            JsonObject now = after.get(task);
            if (back.contains(task)) {
                assertEquals(rejoinedId, now.getString("owner"), now.encode());
                // A hand-off keeps the lease row: the new holder takes it at the next epoch, never back at 1.
                assertEquals(was.getLong("epoch") + 1, now.getLong("epoch"), now.encode());
            } else {
                // Not moved: same holder, same lease.
                assertEquals(was.getString("owner"), now.getString("owner"), now.encode());
                assertEquals(was.getLong("epoch"), now.getLong("epoch"), now.encode());
            }
        }
        long t3 = t2 + 1_000_000_000L;
        assertEquals(204, status("POST", survivors.get(0).url("/kapacitor/v1/write?db=db&rp=rp"),
            "m,host=h value=3 " + t3));
        for (String task : back) {
            awaitTrue(() -> httpOut(rejoined, task).contains(",3]]"), 15, "point reached " + task, rejoined);
        }
        assertNoTaskOnTwoNodes(three);
        // The rejoined node leaves again, gracefully, so the hand-off below starts from two nodes.
        rejoined.process().destroy();
        awaitTrue(() -> {
            assertNoTaskOnTwoNodes(survivors);
            Set<String> running = new TreeSet<>();
            survivors.forEach(n -> running.addAll(localTasks(n)));
            return running.equals(all);
        }, 20, "tasks of the rejoined node back on the two others", survivors.get(0));
        assertTrue(rejoined.process().waitFor(20, TimeUnit.SECONDS));

        // A graceful stop (SIGTERM) hands the tasks over to the last node.
        Node last = survivors.get(0);
        long stoppedAt = System.nanoTime();
        survivors.get(1).process().destroy();
        awaitTrue(() -> localTasks(last).equals(all), 20, "tasks of the stopped node run on the last one", last);
        System.out.println("cluster hand-off: all tasks on the last node "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt) + " ms after SIGTERM");
        assertTrue(survivors.get(1).process().waitFor(20, TimeUnit.SECONDS));
        String log = Files.readString(survivors.get(1).log());
        assertTrue(log.contains("released task leases"), tail(log));
    }

    private static Map<String, JsonObject> leasesById(JsonObject view) {
        Map<String, JsonObject> out = new HashMap<>();
        view.getJsonArray("tasks").forEach(o -> out.put(((JsonObject) o).getString("id"), (JsonObject) o));
        return out;
    }

    private Node otherThan(Node owner) {
        return nodes.get((nodes.indexOf(owner) + 1) % nodes.size());
    }

    private static void assertNoTaskOnTwoNodes(List<Node> live) {
        Map<String, Integer> seen = new HashMap<>();
        for (Node n : live) {
            for (String t : localTasks(n)) {
                seen.merge(t, 1, Integer::sum);
            }
        }
        seen.forEach((t, count) -> assertEquals(1, count, "task " + t + " executes on " + count + " nodes"));
    }

    private static Set<String> localTasks(Node n) {
        Set<String> out = new HashSet<>();
        cluster(n).getJsonArray("local-tasks").forEach(t -> out.add((String) t));
        return new TreeSet<>(out);
    }

    private static JsonObject cluster(Node n) {
        HttpResponse<String> r = send("GET", n.url("/kapacitor/v1/cluster"), null);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static String httpOut(Node n, String task) {
        HttpResponse<String> r = send("GET", n.url("/kapacitor/v1/tasks/" + task + "/out"), null);
        return r.statusCode() == 200 ? r.body() : "";
    }

    private static int status(String method, String url, String body) {
        try {
            return send(method, url, body).statusCode();
        } catch (IllegalStateException notYet) {
            return -1;
        }
    }

    private static HttpResponse<String> send(String method, String url, String body) {
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

    private static void awaitTrue(BooleanSupplier condition, int seconds, String what, Node n) throws Exception {
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
        fail("timed out waiting for: " + what + "\n--- log of node on port " + n.port() + ":\n"
            + tail(Files.readString(n.log())));
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
