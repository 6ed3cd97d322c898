package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.app.Codecs;
import kapacitor.model.TaskType;
import kapacitor.pipeline.NodeDef;
import kapacitor.pipeline.Pipeline;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Kapacitor's TestStream_Alert* cases: the script's operators are driven in pipeline order and the bodies the post
 * handler sends to a local HTTP server must equal Kapacitor's alert data JSON.
 */
class AlertStreamerTest {
    private Vertx vertx;
    private HttpServer server;
    private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            bodies.add(b.toString());
            req.response().end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs the script over the data set and returns the operators by node name. */
    private void run(String task, String script, String data) throws Exception {
        Pipeline p = TickCompiler.compileTask(script, TaskType.STREAM, Map.of());
        Map<NodeDef, Operator> ops = new HashMap<>();
        for (NodeDef n : p.sorted()) {
            Operator op;
            if (n.type().equals("alert")) {
                op = new AlertOperator(n);
                ((TaskBound) op).bind(task, vertx);
            } else {
                op = OperatorFactory.create(n);
            }
            ops.put(n, op);
        }
        try (InputStream in = getClass().getResourceAsStream("/testdata/" + data + ".lp")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("db=") || line.startsWith("rp=")) {
                    continue;
                }
                push(ops, p.source(), PointMessage.ungrouped(LinePoints.parse(line)));
            }
        }
    }

    private void push(Map<NodeDef, Operator> ops, NodeDef node, Message m) {
        ops.get(node).process(m, new Output() {
            @Override
            public void emit(Message out) {
                for (NodeDef c : node.children()) {
                    push(ops, c, out);
                }
            }

            @Override
            public void error(String message) {
                throw new AssertionError(message);
            }
        });
    }

    @Test
    void streamAlert() throws Exception {
        String url = "http://127.0.0.1:" + server.actualPort() + "/";
        run("TestStream_Alert", """
            var infoThreshold = 6.0
            var warnThreshold = 7.0
            var critThreshold = 8.0
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |window()
                    .period(10s)
                    .every(10s)
                |count('value')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .details('details')
                    .idField('id')
                    .idTag('id')
                    .levelField('level')
                    .messageField('msg')
                    .levelTag('level')
                    .info(lambda: "count" > infoThreshold)
                    .warn(lambda: "count" > warnThreshold)
                    .crit(lambda: "count" > critThreshold)
                    .post('""" + url + "')\n", "stream_alert");
        String body = bodies.poll(10, TimeUnit.SECONDS);
        assertEquals("{\"id\":\"kapacitor/cpu/serverA\",\"message\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"details\":\"details\",\"time\":\"1971-01-01T00:00:10Z\",\"duration\":0,\"level\":\"CRITICAL\","
            + "\"data\":{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\"},\"columns\":[\"time\","
            + "\"count\"],\"values\":[[\"1971-01-01T00:00:10Z\",10]]}]},\"previousLevel\":\"OK\","
            + "\"recoverable\":true}\n", body);
        assertNull(bodies.poll(300, TimeUnit.MILLISECONDS));
    }

    private String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/";
    }

    /** The next {@code n} bodies, then checks that no more arrive. */
    private List<io.vertx.core.json.JsonObject> bodies(int n) throws InterruptedException {
        List<io.vertx.core.json.JsonObject> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String b = bodies.poll(10, TimeUnit.SECONDS);
            if (b == null) {
                throw new AssertionError("got " + i + " alerts, expected " + n);
            }
            out.add(new io.vertx.core.json.JsonObject(b));
        }
        assertNull(bodies.poll(300, TimeUnit.MILLISECONDS));
        return out;
    }

    private static void assertAlert(io.vertx.core.json.JsonObject a, String level, String previous, String time,
                                    long durationSeconds) {
        assertEquals(level, a.getString("level"), a.encode());
        assertEquals(previous, a.getString("previousLevel"), a.encode());
        assertEquals(time, a.getString("time"), a.encode());
        assertEquals(durationSeconds * 1_000_000_000L, a.getLong("duration"), a.encode());
    }

    @Test
    void streamAlertDuration() throws Exception {
        run("TestStream_AlertDuration", """
            var warnThreshold = 7.0
            var critThreshold = 8.0
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .details('details')
                    .durationField('duration')
                    .warn(lambda: "value" > warnThreshold)
                    .crit(lambda: "value" > critThreshold)
                    .stateChangesOnly()
                    .post('""" + url() + "')\n", "stream_alert_duration");
        List<io.vertx.core.json.JsonObject> a = bodies(5);
        assertAlert(a.get(0), "CRITICAL", "OK", "1971-01-01T00:00:00Z", 0);
        assertAlert(a.get(1), "WARNING", "CRITICAL", "1971-01-01T00:00:02Z", 2);
        assertAlert(a.get(2), "OK", "WARNING", "1971-01-01T00:00:04Z", 4);
        assertAlert(a.get(3), "WARNING", "OK", "1971-01-01T00:00:05Z", 0);
        assertAlert(a.get(4), "OK", "WARNING", "1971-01-01T00:00:08Z", 3);
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\",\"type\":\"idle\"},"
            + "\"columns\":[\"time\",\"value\"],\"values\":[[\"1971-01-01T00:00:08Z\",3]]}]}",
            a.get(4).getJsonObject("data").encode());
        assertEquals("kapacitor/cpu/serverA is OK", a.get(4).getString("message"));
    }

    @Test
    void streamAlertSigma() throws Exception {
        run("TestStream_AlertSigma", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                |eval(lambda: sigma("value"))
                    .as('sigma')
                    .keep()
                |alert()
                    .details('{{ .Message }}')
                    .info(lambda: "sigma" > 2.0)
                    .warn(lambda: "sigma" > 3.0)
                    .crit(lambda: "sigma" > 3.5)
                    .post('""" + url() + "')\n", "stream_alert_sigma");
        List<io.vertx.core.json.JsonObject> a = bodies(2);
        assertAlert(a.get(0), "INFO", "OK", "1971-01-01T00:00:07Z", 0);
        assertEquals("cpu:nil is INFO", a.get(0).getString("details"));
        assertEquals(2.469916402324427, a.get(0).getJsonObject("data").getJsonArray("series").getJsonObject(0)
            .getJsonArray("values").getJsonArray(0).getDouble(1));
        assertAlert(a.get(1), "OK", "INFO", "1971-01-01T00:00:08Z", 1);
        assertEquals(0.3053477916297622, a.get(1).getJsonObject("data").getJsonArray("series").getJsonObject(0)
            .getJsonArray("values").getJsonArray(0).getDouble(1));
    }

    @Test
    void streamAlertStateChangesOnly() throws Exception {
        run("TestStream_AlertStateChangesOnly", """
            stream
                |from()
                    .measurement('cpu')
                |alert()
                    .crit(lambda: "value" < 93)
                    .stateChangesOnly()
                    .post('""" + url() + "')\n", "stream_alert_state_changes_only");
        // Four points below 93, each a change in and a change out.
        assertEquals(8, bodies(8).size());
    }

    @Test
    void streamAlertStateChangesOnlyExpired() throws Exception {
        run("TestStream_AlertStateChangesOnlyExpired", """
            stream
                |from()
                    .measurement('cpu')
                |alert()
                    .crit(lambda: "value" < 97)
                    .details('')
                    .stateChangesOnly(2s)
                    .post('""" + url() + "')\n", "stream_alert_state_changes_only_expired");
        List<io.vertx.core.json.JsonObject> a = bodies(6);
        assertAlert(a.get(0), "CRITICAL", "OK", "1971-01-01T00:00:01Z", 0);
        for (int i = 1; i < 5; i++) {
            assertAlert(a.get(i), "CRITICAL", "CRITICAL", "1971-01-01T00:00:0" + (2 * i + 1) + "Z", 2L * i);
        }
        assertAlert(a.get(5), "OK", "CRITICAL", "1971-01-01T00:00:10Z", 9);
    }

    @Test
    void streamAlertFlapping() throws Exception {
        run("TestStream_AlertFlapping", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                |alert()
                    .info(lambda: "value" < 95)
                    .warn(lambda: "value" < 94)
                    .crit(lambda: "value" < 93)
                    .flapping(0.25, 0.50)
                    .history(21)
                    .post('""" + url() + "')\n", "stream_alert_flapping");
        // Flapping detection drops the last alerts.
        assertEquals(9, bodies(9).size());
    }

    @Test
    void streamAlertNoRecoveries() throws Exception {
        run("TestStream_Alert_NoRecoveries", """
            var infoThreshold = 6.0
            var warnThreshold = 7.0
            var critThreshold = 8.0
            stream
                |from()
                    .measurement('cpu')
                    .groupBy('host')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .details('')
                    .info(lambda: "value" >= infoThreshold)
                    .warn(lambda: "value" >= warnThreshold)
                    .crit(lambda: "value" >= critThreshold)
                    .noRecoveries()
                    .post('""" + url() + "')\n", "stream_alert_no_recoveries");
        List<io.vertx.core.json.JsonObject> a = bodies(6);
        // The recoveries are not sent, so the topic still holds the last raised level as the previous one.
        assertAlert(a.get(0), "WARNING", "OK", "1971-01-01T00:00:00Z", 0);
        assertAlert(a.get(1), "INFO", "WARNING", "1971-01-01T00:00:02Z", 0);
        assertAlert(a.get(2), "WARNING", "INFO", "1971-01-01T00:00:03Z", 1);
        assertAlert(a.get(3), "WARNING", "WARNING", "1971-01-01T00:00:04Z", 2);
        assertAlert(a.get(4), "CRITICAL", "WARNING", "1971-01-01T00:00:05Z", 3);
        assertAlert(a.get(5), "INFO", "CRITICAL", "1971-01-01T00:00:07Z", 0);
        assertEquals("kapacitor/cpu/serverA is INFO", a.get(5).getString("message"));
    }

    @Test
    void streamAlertWithReset0() throws Exception {
        run("TestStream_Alert_WithReset_0", """
            var infoThreshold = 40.0
            var warnThreshold = 60.0
            var critThreshold = 80.0
            var infoResetThreshold = 10.0
            var warnResetThreshold = 20.0
            var critResetThreshold = 30.0
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .details('details')
                    .idField('id')
                    .idTag('id')
                    .levelField('level')
                    .levelTag('level')
                    .info(lambda: "value" > infoThreshold)
                    .infoReset(lambda: "value" < infoResetThreshold)
                    .warn(lambda: "value" > warnThreshold)
                    .warnReset(lambda: "value" < warnResetThreshold)
                    .crit(lambda: "value" > critThreshold)
                    .critReset(lambda: "value" < critResetThreshold)
                    .post('""" + url() + "')\n", "stream_alert_with_reset_0");
        List<io.vertx.core.json.JsonObject> a = bodies(12);
        String[][] expected = {
            {"INFO", "OK", "0", "0"}, {"INFO", "INFO", "1", "1"}, {"INFO", "INFO", "2", "2"},
            {"OK", "INFO", "3", "3"}, {"INFO", "OK", "4", "0"}, {"WARNING", "INFO", "5", "1"},
            {"WARNING", "WARNING", "6", "2"}, {"OK", "WARNING", "7", "3"}, {"INFO", "OK", "8", "0"},
            {"WARNING", "INFO", "9", "1"}, {"CRITICAL", "WARNING", "10", "2"}, {"OK", "CRITICAL", "11", "3"},
        };
        for (int i = 0; i < expected.length; i++) {
            String[] e = expected[i];
            assertAlert(a.get(i), e[0], e[1], String.format("1971-01-01T00:00:%02dZ", Integer.parseInt(e[2])),
                Long.parseLong(e[3]));
        }
        assertEquals("{\"id\":\"kapacitor/cpu/serverA\",\"message\":\"kapacitor/cpu/serverA is OK\","
            + "\"details\":\"details\",\"time\":\"1971-01-01T00:00:11Z\",\"duration\":3000000000,"
            + "\"level\":\"OK\",\"data\":{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\","
            + "\"type\":\"usage\"},\"columns\":[\"time\",\"value\"],\"values\":[[\"1971-01-01T00:00:11Z\",29]]}]},"
            + "\"previousLevel\":\"CRITICAL\",\"recoverable\":true}", a.get(11).encode());
    }
}
