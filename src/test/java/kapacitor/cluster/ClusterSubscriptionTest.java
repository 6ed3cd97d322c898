package kapacitor.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.cluster.ClusterProcesses.Node;
import kapacitor.service.influxdb.SubscriptionLinkerVerticle;
import kapacitor.testing.InfluxDbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static kapacitor.cluster.ClusterProcesses.awaitTrue;
import static kapacitor.cluster.ClusterProcesses.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three clustered kapacitord JVMs subscribed to one real influxd: the cluster holds exactly one subscription per
 * db.rp, pointing at one node, so a task sees every point InfluxDB receives once; after a kill -9 of that node the
 * subscription points at a survivor and points flow again, still once.
 */
class ClusterSubscriptionTest {
    private static final List<String> DBRPS = List.of("db1.autogen", "db2.autogen");

    private InfluxDbServer influxd;
    private ClusterProcesses cluster;
    /** The value of the last probe point written. */
    private long probeValue;

    @AfterEach
    void tearDown() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void oneSubscriptionForTheClusterFollowsTheLinkingNodeAcrossAKill() throws Exception {
        influxd = InfluxDbServer.start();
        influxd.query("CREATE DATABASE db1");
        influxd.query("CREATE DATABASE db2");
        cluster = new ClusterProcesses(String.join("\n",
            "[[influxdb]]",
            "  enabled = true",
            "  default = true",
            "  name = \"local\"",
            "  urls = [\"http://127.0.0.1:" + influxd.port() + "\"]",
            ""));
        Map<String, Node> byId = cluster.start(3);
        List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));

        // Every node reports the one cluster id the store holds, and the subscriptions carry it.
        Set<String> clusterIds = new HashSet<>();
        for (Node n : byId.values()) {
            clusterIds.add(new JsonObject(send("GET", n.url("/kapacitor/v1/debug/vars"), null).body())
                .getString("cluster_id"));
        }
        assertEquals(1, clusterIds.size(), clusterIds.toString());
        String subName = "kapacitor-" + clusterIds.iterator().next();

        String linker = Rendezvous.owner(SubscriptionLinkerVerticle.ROLE, ids);
        Node linkerNode = byId.get(linker);
        awaitTrue(() -> subscriptions().equals(expected(subName, linkerNode)), 30,
            "one subscription per db.rp, at the linking node", linkerNode);

        // The tasks run elsewhere, and stay put when the linking node dies (rendezvous moves only its keys).
        String counter = taskNotOn("count", linker, ids);
        String probe = taskNotOn("probe", linker, ids);
        Node entry = byId.get(ids.get(0));
        createTask(entry, counter, "cpu", "    |stateCount(lambda: TRUE)\n        .as('n')\n");
        createTask(entry, probe, "probe", "");
        awaitProbe(entry, probe, linkerNode);

        long t0 = System.currentTimeMillis() * 1_000_000L;
        influxd.write("db1", points(0, 5, t0));
        awaitCount(entry, counter, 5, linkerNode);

        // POST /subscriptions on a node that does not link is done by the linking node: nothing moves.
        Node other = byId.get(Rendezvous.owner(counter, ids));
        HttpResponse<String> linked = send("POST", other.url("/kapacitor/v1/subscriptions"), null);
        assertEquals(204, linked.statusCode(), linked.body());
        assertEquals(expected(subName, linkerNode), subscriptions());

        long killedAt = System.nanoTime();
        linkerNode.process().destroyForcibly();
        assertTrue(linkerNode.process().waitFor(10, TimeUnit.SECONDS));
        List<String> survivors = new ArrayList<>(ids);
        survivors.remove(linker);
        String next = Rendezvous.owner(SubscriptionLinkerVerticle.ROLE, survivors);
        Node nextNode = byId.get(next);
        awaitTrue(() -> subscriptions().equals(expected(subName, nextNode)), 20,
            "subscriptions moved to a survivor", nextNode);
        long movedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        System.out.println("cluster subscriptions: pointing at a survivor " + movedMillis + " ms after kill -9");

        Node reader = byId.get(survivors.get(0));
        awaitProbe(reader, probe, nextNode);
        influxd.write("db1", points(5, 10, t0));
        awaitCount(reader, counter, 10, nextNode);
    }

    /** A task id whose rendezvous owner is not {@code avoid}. */
    private static String taskNotOn(String prefix, String avoid, List<String> ids) {
        for (int i = 0; ; i++) {
            if (!Rendezvous.owner(prefix + i, ids).equals(avoid)) {
                return prefix + i;
            }
        }
    }

    private static void createTask(Node n, String id, String measurement, String middle) {
        String script = "stream\n    |from()\n        .measurement('" + measurement + "')\n" + middle
            + "    |httpOut('out')\n";
        JsonObject body = new JsonObject().put("id", id).put("type", "stream").put("status", "enabled")
            .put("script", script)
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "db1").put("rp", "autogen")));
        HttpResponse<String> r = send("POST", n.url("/kapacitor/v1/tasks"), body.encode());
        assertEquals(200, r.statusCode(), r.body());
    }

    /**
     * InfluxDB applies a new subscription a moment after SHOW SUBSCRIPTIONS lists it: probe points are written until
     * one arrives, so the counted points written next are all delivered.
     */
    private void awaitProbe(Node reader, String task, Node log) throws Exception {
        long[] lastWrite = {0};
        awaitTrue(() -> {
            if (probeValue > 0 && httpOut(reader, task).contains("," + probeValue + "]")) {
                return true;
            }
            if (System.nanoTime() - lastWrite[0] > TimeUnit.MILLISECONDS.toNanos(500)) {
                probeValue++;
                lastWrite[0] = System.nanoTime();
                try {
                    influxd.write("db1", "probe value=" + probeValue + "i");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }, 20, "a probe point through the subscription", log);
    }

    /** Waits for the count, then checks for a while that no second copy of any point arrives. */
    private static void awaitCount(Node reader, String task, long expected, Node log) throws Exception {
        awaitTrue(() -> count(reader, task) >= expected, 15, "count reaches " + expected, log);
        Thread.sleep(1_000);
        assertEquals(expected, count(reader, task), httpOut(reader, task));
    }

    private static String points(int from, int to, long t0) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append("cpu,host=a value=").append(i).append(' ').append(t0 + i * 1_000_000L).append('\n');
        }
        return lines.toString();
    }

    /** The task's stateCount, from the last point its httpOut holds; 0 before any. */
    private static long count(Node n, String task) {
        String out = httpOut(n, task);
        if (out.isEmpty()) {
            return 0;
        }
        // {"series":null} until the task has a result.
        JsonArray series = new JsonObject(out).getJsonArray("series");
        if (series == null || series.isEmpty()) {
            return 0;
        }
        JsonObject s = series.getJsonObject(0);
        int column = s.getJsonArray("columns").getList().indexOf("n");
        JsonArray values = s.getJsonArray("values");
        return values.getJsonArray(values.size() - 1).getLong(column);
    }

    private static String httpOut(Node n, String task) {
        HttpResponse<String> r = send("GET", n.url("/kapacitor/v1/tasks/" + task + "/out"), null);
        return r.statusCode() == 200 ? r.body() : "";
    }

    private static Set<String> expected(String name, Node at) {
        Set<String> out = new TreeSet<>();
        for (String dbrp : DBRPS) {
            out.add(dbrp + " " + name + " ANY http://127.0.0.1:" + at.port());
        }
        return out;
    }

    /** SHOW SUBSCRIPTIONS as "db.rp name mode destinations" lines. */
    private Set<String> subscriptions() {
        JsonObject result;
        try {
            result = new JsonObject(influxd.query("SHOW SUBSCRIPTIONS")).getJsonArray("results").getJsonObject(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new TreeSet<>();
        JsonArray series = result.getJsonArray("series", new JsonArray());
        for (int i = 0; i < series.size(); i++) {
            JsonObject s = series.getJsonObject(i);
            JsonArray values = s.getJsonArray("values", new JsonArray());
            for (int j = 0; j < values.size(); j++) {
                JsonArray v = values.getJsonArray(j);
                out.add(s.getString("name") + "." + v.getString(0) + " " + v.getString(1) + " " + v.getString(2)
                    + " " + String.join(",", v.getJsonArray(3).stream().map(String::valueOf).toList()));
            }
        }
        return out;
    }
}
