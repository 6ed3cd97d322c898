package kapacitor.cluster;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.cluster.ClusterProcesses.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static kapacitor.cluster.ClusterProcesses.awaitTrue;
import static kapacitor.cluster.ClusterProcesses.cluster;
import static kapacitor.cluster.ClusterProcesses.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert state across a kill -9 in a three-node cluster: the task's CRIT survives on the node that takes the task
 * over (no second CRIT with stateChangesOnly, the recovery says previousLevel CRITICAL), its named topic lives on
 * another node, and every node answers the alerts API with the owner's state.
 */
class ClusterAlertFailoverTest {
    private static final String NAMED = "cpu-alerts";

    private ClusterProcesses cluster;
    private HttpServer peer;
    private final List<JsonObject> posted = new CopyOnWriteArrayList<>();
    private final List<JsonObject> postedByTopicHandler = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        if (peer != null) {
            peer.stop(0);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pendingCritSurvivesTheTaskNodesDeath() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/alert", ex -> {
            posted.add(new JsonObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        peer.createContext("/named", ex -> {
            postedByTopicHandler.add(new JsonObject(new String(ex.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        peer.start();

        cluster = new ClusterProcesses();
        Map<String, Node> byId = cluster.start(3);
        List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));
        // A task placed on another node than the owner of its named topic, so events cross nodes.
        String namedOwner = Rendezvous.owner(NAMED, ids);
        String task = null;
        for (int i = 0; task == null; i++) {
            if (!Rendezvous.owner("alerting" + i, ids).equals(namedOwner)) {
                task = "alerting" + i;
            }
        }
        String taskOwner = Rendezvous.owner(task, ids);
        Node entry = byId.get(namedOwner);
        String script = "stream\n    |from()\n        .measurement('cpu')\n    |alert()\n        .id('cpu')\n"
            + "        .crit(lambda: \"value\" > 90)\n        .stateChangesOnly()\n        .topic('" + NAMED + "')\n"
            + "        .post('http://127.0.0.1:" + peer.getAddress().getPort() + "/alert')\n";
        JsonObject body = new JsonObject().put("id", task).put("type", "stream").put("status", "enabled")
            .put("script", script).put("dbrps", new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")));
        HttpResponse<String> created = send("POST", entry.url("/kapacitor/v1/tasks"), body.encode());
        assertEquals(200, created.statusCode(), created.body());
        String anon = "main:" + task + ":alert2";

        // A handler defined through another node reaches the named topic's owner, where it runs.
        Node other = byId.get(taskOwner);
        JsonObject handler = new JsonObject().put("id", "peer").put("kind", "post").put("options",
            new JsonObject().put("url", "http://127.0.0.1:" + peer.getAddress().getPort() + "/named"));
        HttpResponse<String> defined = send("POST", other.url("/kapacitor/v1/alerts/topics/" + NAMED + "/handlers"),
            handler.encode());
        assertEquals(200, defined.statusCode(), defined.body());
        awaitTrue(() -> send("GET", entry.url("/kapacitor/v1/alerts/topics/" + NAMED + "/handlers"), null).body()
            .contains("\"peer\""), 10, "the owner loaded the handler", entry);

        long t = System.currentTimeMillis() * 1_000_000L;
        write(entry, "cpu value=95 " + t);
        awaitTrue(() -> posted.size() == 1, 15, "the CRIT reached the peer", byId.get(taskOwner));
        assertEquals("CRITICAL", posted.get(0).getString("level"), posted.toString());
        for (Node n : byId.values()) {
            awaitTrue(() -> eventLevel(n, anon).equals("CRITICAL") && eventLevel(n, NAMED).equals("CRITICAL"), 10,
                "every node shows the CRIT", n);
        }

        awaitTrue(() -> cluster.storedLevel(anon, "cpu").equals("CRITICAL"), 10, "the CRIT is stored", entry);

        // kill -9 the node running the task: a survivor takes it with the CRIT it had stored.
        Node victim = byId.get(taskOwner);
        List<Node> survivors = new ArrayList<>(byId.values());
        survivors.remove(victim);
        long killedAt = System.nanoTime();
        victim.process().destroyForcibly();
        String finalTask = task;
        awaitTrue(() -> survivors.stream().anyMatch(n -> cluster(n).getJsonArray("local-tasks").contains(finalTask)),
            25, "the task runs on a survivor", survivors.get(0));
        System.out.println("cluster alert failover: task running again "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt) + " ms after kill -9");
        for (Node n : survivors) {
            awaitTrue(() -> eventLevel(n, anon).equals("CRITICAL") && eventLevel(n, NAMED).equals("CRITICAL"), 10,
                "the CRIT is still there after the failover", n);
        }

        // Another CRIT is no state change; the OK after it is the recovery of the CRIT raised before the kill.
        Node writer = survivors.get(0);
        awaitTrue(() -> {
            write(writer, "cpu value=96 " + (t + 1_000_000_000L));
            return alertCollected(writer, finalTask) >= 1;
        }, 15, "the second CRIT point reached the moved task", writer);
        write(writer, "cpu value=10 " + (t + 2_000_000_000L));
        awaitTrue(() -> posted.size() >= 2, 15, "the recovery reached the peer", writer);
        // Handler posts are sent in order: a duplicate CRIT would have come before the recovery.
        assertEquals(2, posted.size(), posted.toString());
        awaitTrue(() -> postedByTopicHandler.size() >= 2, 15, "the topic handler saw the recovery", entry);
        assertEquals(List.of("CRITICAL", "OK"), postedByTopicHandler.stream().map(j -> j.getString("level")).toList(),
            postedByTopicHandler.toString());
        JsonObject recovery = posted.get(1);
        assertEquals("OK", recovery.getString("level"), recovery.encode());
        assertEquals("CRITICAL", recovery.getString("previousLevel"), recovery.encode());
        for (Node n : survivors) {
            awaitTrue(() -> eventLevel(n, anon).equals("OK") && eventLevel(n, NAMED).equals("OK"), 10,
                "every node shows the recovery", n);
        }
        String first = send("GET", survivors.get(0).url("/kapacitor/v1/alerts/topics/" + NAMED + "/events"), null)
            .body();
        assertEquals(first, send("GET", survivors.get(1).url("/kapacitor/v1/alerts/topics/" + NAMED + "/events"),
            null).body());
        assertNotEquals(-1, first.indexOf("\"OK\""), first);
        String topics = send("GET", survivors.get(1).url("/kapacitor/v1/alerts/topics"), null).body();
        assertTrue(topics.contains(anon) && topics.contains(NAMED), topics);
    }

    private static void write(Node n, String line) {
        assertEquals(204, send("POST", n.url("/kapacitor/v1/write?db=db&rp=rp"), line).statusCode());
    }

    /** The level of event "cpu" in the topic as node {@code n} reports it; "" when it has none. */
    private static String eventLevel(Node n, String topic) {
        HttpResponse<String> r = send("GET", n.url("/kapacitor/v1/alerts/topics/" + topic + "/events/cpu"), null);
        return r.statusCode() == 200 ? new JsonObject(r.body()).getJsonObject("state").getString("level") : "";
    }

    private static long alertCollected(Node n, String task) {
        HttpResponse<String> r = send("GET", n.url("/kapacitor/v1/tasks/" + task), null);
        JsonObject stats = new JsonObject(r.body()).getJsonObject("stats", new JsonObject());
        JsonObject alert = stats.getJsonObject("node-stats", new JsonObject()).getJsonObject("alert2");
        return alert == null ? 0 : alert.getLong("collected", 0L);
    }
}
