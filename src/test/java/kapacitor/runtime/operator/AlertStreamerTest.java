package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.app.Codecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    /** Runs the script over the data set; the script must run without node errors. */
    private ScriptRun run(String task, String script, String data) throws Exception {
        ScriptRun r = ScriptRun.run(vertx, task, script, data);
        assertEquals(List.of(), r.errors());
        return r;
    }

    @Test
    void streamAlert() throws Exception {
        String url = "http://127.0.0.1:" + server.actualPort() + "/";
        ScriptRun r = run("TestStream_Alert", """
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
                    .post('""" + url + """
                ')
                |httpOut('TestStream_Alert')
            """, "stream_alert");
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\",\"id\":\"kapacitor/cpu/serverA\","
            + "\"level\":\"CRITICAL\"},\"columns\":[\"time\",\"count\",\"id\",\"level\",\"msg\"],\"values\":"
            + "[[\"1971-01-01T00:00:10Z\",10,\"kapacitor/cpu/serverA\",\"CRITICAL\","
            + "\"kapacitor/cpu/serverA is CRITICAL\"]]}]}",
            r.httpOut("TestStream_Alert"));
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
        ScriptRun r = run("TestStream_AlertDuration", """
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
                    .post('""" + url() + """
                ')
                |httpOut('TestStream_AlertDuration')
            """, "stream_alert_duration");
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\",\"type\":\"idle\"},"
            + "\"columns\":[\"time\",\"duration\",\"value\"],\"values\":[[\"1971-01-01T00:00:08Z\",3000000000,3]]}]}",
            r.httpOut("TestStream_AlertDuration"));
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
        ScriptRun r = run("TestStream_Alert_NoRecoveries", """
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
                    .post('""" + url() + """
                ')
                |httpOut('TestStream_Alert_NoRecoveries')
            """, "stream_alert_no_recoveries");
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\"},"
            + "\"columns\":[\"time\",\"value\"],\"values\":[[\"1971-01-01T00:00:07Z\",6]]}]}",
            r.httpOut("TestStream_Alert_NoRecoveries"));
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
        ScriptRun r = run("TestStream_Alert_WithReset_0", """
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
                    .post('""" + url() + """
                ')
                |httpOut('TestStream_Alert_WithReset_0')
            """, "stream_alert_with_reset_0");
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\",\"id\":\"kapacitor/cpu/serverA\","
            + "\"level\":\"OK\",\"type\":\"usage\"},\"columns\":[\"time\",\"id\",\"level\",\"value\"],"
            + "\"values\":[[\"1971-01-01T00:00:11Z\",\"kapacitor/cpu/serverA\",\"OK\",29]]}]}",
            r.httpOut("TestStream_Alert_WithReset_0"));
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

    @Test
    void streamAlertWithReset1() throws Exception {
        ScriptRun r = run("TestStream_Alert_WithReset_1", """
            var infoThreshold = 40.0
            var warnThreshold = 60.0
            var critThreshold = 80.0
            var infoResetThreshold = 30.0
            var warnResetThreshold = 50.0
            var critResetThreshold = 70.0
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
                    .post('""" + url() + """
                ')
                |httpOut('TestStream_Alert_WithReset_1')
            """, "stream_alert_with_reset_1");
        List<io.vertx.core.json.JsonObject> a = bodies(15);
        // level, previous level, second, duration, value
        Object[][] expected = {
            {"INFO", "OK", 0, 0, 45}, {"INFO", "INFO", 1, 1, 40}, {"INFO", "INFO", 2, 2, 30},
            {"OK", "INFO", 3, 3, 29}, {"INFO", "OK", 4, 0, 45}, {"WARNING", "INFO", 5, 1, 61},
            {"INFO", "WARNING", 6, 2, 49}, {"OK", "INFO", 7, 3, 29}, {"INFO", "OK", 8, 0, 45},
            {"WARNING", "INFO", 9, 1, 61}, {"CRITICAL", "WARNING", 10, 2, 81}, {"WARNING", "CRITICAL", 11, 3, 69},
            {"WARNING", "WARNING", 12, 4, 50}, {"INFO", "WARNING", 13, 5, 41}, {"OK", "INFO", 14, 6, 25},
        };
        for (int i = 0; i < expected.length; i++) {
            Object[] e = expected[i];
            String time = String.format("1971-01-01T00:00:%02dZ", (Integer) e[2]);
            assertEquals(new io.vertx.core.json.JsonObject().put("id", "kapacitor/cpu/serverA")
                .put("message", "kapacitor/cpu/serverA is " + e[0]).put("details", "details").put("time", time)
                .put("duration", (Integer) e[3] * 1_000_000_000L).put("level", e[0])
                .put("data", new io.vertx.core.json.JsonObject("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":"
                    + "\"serverA\",\"type\":\"usage\"},\"columns\":[\"time\",\"value\"],\"values\":[[\"" + time
                    + "\"," + e[4] + "]]}]}"))
                .put("previousLevel", e[1]).put("recoverable", true), a.get(i), "alert " + (i + 1));
        }
        assertEquals("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\",\"id\":\"kapacitor/cpu/serverA\","
            + "\"level\":\"OK\",\"type\":\"usage\"},\"columns\":[\"time\",\"id\",\"level\",\"value\"],\"values\":"
            + "[[\"1971-01-01T00:00:14Z\",\"kapacitor/cpu/serverA\",\"OK\",25]]}]}",
            r.httpOut("TestStream_Alert_WithReset_1"));
    }

    @Test
    void streamAlertComplexWhere() throws Exception {
        run("TestStream_AlertComplexWhere", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA' AND sigma("value") > 2)
                |alert()
                    .details('')
                    .crit(lambda: TRUE)
                    .post('""" + url() + "')\n", "stream_alert_complex_where");
        List<io.vertx.core.json.JsonObject> a = bodies(1);
        assertEquals(new io.vertx.core.json.JsonObject("{\"id\":\"cpu:nil\",\"message\":\"cpu:nil is CRITICAL\","
            + "\"details\":\"\",\"time\":\"1971-01-01T00:00:07Z\",\"duration\":0,\"level\":\"CRITICAL\","
            + "\"data\":{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\",\"type\":\"idle\"},"
            + "\"columns\":[\"time\",\"value\"],\"values\":[[\"1971-01-01T00:00:07Z\",16]]}]},"
            + "\"previousLevel\":\"OK\",\"recoverable\":true}"), a.get(0));
    }

    @Test
    void streamAlertCardinality() throws Exception {
        ScriptRun r = run("TestStream_Cardinality", """
            stream
                |from()
                    .measurement('cpu')
                    .groupBy('host','cpu')
                |alert()
            """, "stream_cardinality");
        assertEquals(9, r.alert().cardinality());
        assertEquals(List.of(), r.alertOutput());
        java.util.Map<String, Long> exp = new java.util.LinkedHashMap<>();
        exp.put("alerts_triggered", 0L);
        exp.put("alerts_inhibited", 0L);
        exp.put("oks_triggered", 0L);
        exp.put("infos_triggered", 0L);
        exp.put("warns_triggered", 0L);
        exp.put("crits_triggered", 0L);
        assertEquals(exp, r.alert().stats());
    }

    private static kapacitor.model.Point cpu(String host, double value, long second) {
        return new kapacitor.model.Point("cpu", "dbname", "rpname",
            kapacitor.model.Tags.of("host", host, "type", "idle"), kapacitor.model.Fields.of("value", value),
            (31_536_000L + second) * 1_000_000_000L);
    }

    /**
     * TestStream_AlertReset: a task raises two events on topic 'cpu'; run again, it restores serverA's CRITICAL from
     * the topic, so the reset lambda brings it back to OK, which is sent and clears the stored event.
     */
    @Test
    void streamAlertReset() throws Exception {
        String script = """
            var critThreshold = 80.0
            var critResetThreshold = 70.0
            stream
                |from()
                    .measurement('cpu')
                    .groupBy('host')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .details('details')
                    .idField('id')
                    .idTag('id')
                    .levelField('level')
                    .levelTag('level')
                    .crit(lambda: "value" > critThreshold)
                    .critReset(lambda: "value" < critResetThreshold)
                    .topic('cpu')
                    |httpPost('http://127.0.0.1:1/')
            """;
        kapacitor.alert.Topics topics = kapacitor.alert.Topics.of(vertx);
        java.util.Map<String, kapacitor.alert.EventState> stored = new java.util.TreeMap<>();
        topics.stateSink(new kapacitor.alert.Topics.StateSink() {
            @Override
            public void stateChanged(String topic, kapacitor.alert.EventState state) {
                // As the event state writer does: a recovery deletes the stored event.
                if (state.level() == kapacitor.alert.Level.OK) {
                    stored.remove(topic + "/" + state.id());
                } else {
                    stored.put(topic + "/" + state.id(), state);
                }
            }

            @Override
            public void topicDeleted(String topic) {
            }
        });
        ScriptRun first = ScriptRun.start(vertx, "TestStream_Alert", script);
        double[] values = {85.5, 99.2, 91.0, 87.3, 96.4};
        for (int i = 0; i < values.length; i++) {
            first.push(cpu(i % 2 == 0 ? "serverA" : "serverB", values[i], i));
        }
        first.stop();
        assertEquals(List.of(), first.errors());
        assertEquals(5, first.alertOutput().size());
        assertEquals(List.of("cpu/kapacitor/cpu/serverA", "cpu/kapacitor/cpu/serverB"), List.copyOf(stored.keySet()));

        ScriptRun second = ScriptRun.start(vertx, "TestStream_Alert", script);
        second.push(cpu("serverA", 29.5, 0));
        second.stop();
        assertEquals(List.of(), second.errors());
        assertEquals(1, second.alertOutput().size());
        kapacitor.model.Point recovered = ((kapacitor.runtime.edge.PointMessage) second.alertOutput().get(0)).point();
        assertEquals("OK", recovered.tags().get("level"));
        assertEquals(List.of("cpu/kapacitor/cpu/serverB"), List.copyOf(stored.keySet()));
        assertEquals(List.of("kapacitor/cpu/serverB"),
            List.copyOf(topics.topic("cpu").eventStates(kapacitor.alert.Level.INFO).keySet()));
    }

    /**
     * Kapacitor's TestServer_Alert_Inhibition: a host alert inhibits the cpu and mem alerts of its host, a region
     * alert the host, cpu and mem alerts of its region; inhibited alerts never reach the topic, so a later alert's
     * previous level is the last one the topic saw.
     */
    @Test
    void alertInhibition() throws Exception {
        LinkedBlockingQueue<io.vertx.core.json.JsonObject> events = new LinkedBlockingQueue<>();
        vertx.eventBus().<String>consumer(kapacitor.alert.Topics.topicAddress("inhibition"),
            m -> events.add(new io.vertx.core.json.JsonObject(m.body())));
        String[][] tasks = {
            {"mem", "mem", "system", ""},
            {"cpu", "cpu", "system", ""},
            {"host", "host", "host_alert", ".inhibit('system', 'region', 'host')"},
            {"region", "region", "region_alert", ".inhibit('host_alert', 'region')\n.inhibit('system', 'region')"},
        };
        List<ScriptRun> runs = new java.util.ArrayList<>();
        for (String[] t : tasks) {
            runs.add(ScriptRun.start(vertx, t[0], "stream\n|from()\n.measurement('" + t[1] + "')\n.groupBy(*)\n"
                + "|alert()\n.category('" + t[2] + "')\n.topic('inhibition')\n.message('" + t[1] + "')\n"
                + ".details('')\n.crit(lambda: \"v\")\n" + t[3] + "\n"));
        }
        String[] batches = {
            """
            cpu,region=west,host=A,cpu=0 v=false 0
            cpu,region=west,host=A,cpu=1 v=false 0
            cpu,region=west,host=B,cpu=0 v=false 0
            cpu,region=west,host=B,cpu=1 v=false 0
            cpu,region=east,host=A,cpu=0 v=false 0
            cpu,region=east,host=A,cpu=1 v=false 0
            cpu,region=east,host=B,cpu=0 v=false 0
            cpu,region=east,host=B,cpu=1 v=false 0
            mem,region=west,host=A v=false 0
            mem,region=west,host=B v=false 0
            mem,region=east,host=A v=false 0
            mem,region=east,host=B v=false 0
            host,region=west,host=A v=false 0
            host,region=west,host=B v=false 0
            host,region=east,host=A v=false 0
            host,region=east,host=B v=false 0
            region,region=west v=false 0
            region,region=east v=false 0
            """,
            """
            cpu,region=west,host=B,cpu=0 v=true 1
            cpu,region=east,host=A,cpu=1 v=true 1
            mem,region=west,host=B v=true 1
            mem,region=east,host=A v=true 1
            """,
            """
            host,region=west,host=B v=true 2
            host,region=east,host=B v=true 2
            """,
            """
            cpu,region=west,host=B,cpu=0 v=true 3
            cpu,region=east,host=A,cpu=1 v=true 3
            mem,region=west,host=B v=true 3
            mem,region=east,host=A v=true 3
            """,
            """
            host,region=west,host=B v=false 4
            host,region=east,host=B v=false 4
            """,
            """
            cpu,region=west,host=B,cpu=0 v=true 5
            cpu,region=east,host=A,cpu=1 v=true 5
            mem,region=west,host=B v=true 5
            mem,region=east,host=A v=true 5
            """,
            "region,region=east v=true 6\n",
            """
            cpu,region=west,host=B,cpu=0 v=true 7
            cpu,region=east,host=A,cpu=1 v=true 7
            mem,region=west,host=B v=true 7
            mem,region=east,host=A v=true 7
            host,region=west,host=A v=true 7
            host,region=east,host=B v=true 7
            """,
            "region,region=east v=false 8\n",
            """
            cpu,region=west,host=B,cpu=0 v=true 9
            cpu,region=east,host=A,cpu=1 v=true 9
            mem,region=west,host=B v=true 9
            mem,region=east,host=A v=true 9
            host,region=west,host=A v=true 9
            host,region=east,host=B v=true 9
            """,
        };
        for (String batch : batches) {
            for (String line : batch.split("\n")) {
                String[] parts = line.split(" ");
                String[] key = parts[0].split(",");
                String[] tags = new String[(key.length - 1) * 2];
                for (int i = 1; i < key.length; i++) {
                    String[] kv = key[i].split("=");
                    tags[2 * i - 2] = kv[0];
                    tags[2 * i - 1] = kv[1];
                }
                kapacitor.model.Point p = new kapacitor.model.Point(key[0], "mydb", "myrp",
                    kapacitor.model.Tags.of(tags), kapacitor.model.Fields.of("v", parts[1].equals("v=true")),
                    Long.parseLong(parts[2]) * 1_000_000_000L);
                for (ScriptRun r : runs) {
                    r.push(p);
                }
            }
        }
        for (ScriptRun r : runs) {
            assertEquals(List.of(), r.errors());
        }
        // id, level, previous level, second, duration
        Object[][] want = {
            {"cpu:cpu=0,host=B,region=west", "CRITICAL", "OK", 1, 0},
            {"cpu:cpu=1,host=A,region=east", "CRITICAL", "OK", 1, 0},
            {"mem:host=A,region=east", "CRITICAL", "OK", 1, 0},
            {"mem:host=B,region=west", "CRITICAL", "OK", 1, 0},
            {"host:host=B,region=east", "CRITICAL", "OK", 2, 0},
            {"host:host=B,region=west", "CRITICAL", "OK", 2, 0},
            {"cpu:cpu=1,host=A,region=east", "CRITICAL", "CRITICAL", 3, 2},
            {"mem:host=A,region=east", "CRITICAL", "CRITICAL", 3, 2},
            {"host:host=B,region=east", "OK", "CRITICAL", 4, 2},
            {"host:host=B,region=west", "OK", "CRITICAL", 4, 2},
            {"cpu:cpu=0,host=B,region=west", "CRITICAL", "CRITICAL", 5, 4},
            {"cpu:cpu=1,host=A,region=east", "CRITICAL", "CRITICAL", 5, 4},
            {"mem:host=A,region=east", "CRITICAL", "CRITICAL", 5, 4},
            {"mem:host=B,region=west", "CRITICAL", "CRITICAL", 5, 4},
            {"region:region=east", "CRITICAL", "OK", 6, 0},
            {"cpu:cpu=0,host=B,region=west", "CRITICAL", "CRITICAL", 7, 6},
            {"host:host=A,region=west", "CRITICAL", "OK", 7, 0},
            {"mem:host=B,region=west", "CRITICAL", "CRITICAL", 7, 6},
            {"region:region=east", "OK", "CRITICAL", 8, 2},
            {"cpu:cpu=0,host=B,region=west", "CRITICAL", "CRITICAL", 9, 8},
            {"cpu:cpu=1,host=A,region=east", "CRITICAL", "CRITICAL", 9, 8},
            {"host:host=A,region=west", "CRITICAL", "CRITICAL", 9, 2},
            {"host:host=B,region=east", "CRITICAL", "OK", 9, 2},
            {"mem:host=A,region=east", "CRITICAL", "CRITICAL", 9, 8},
            {"mem:host=B,region=west", "CRITICAL", "CRITICAL", 9, 8},
        };
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            io.vertx.core.json.JsonObject e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("got " + i + " events, expected " + want.length + ": " + got);
            }
            got.add(e.getString("time") + " " + e.getString("id") + " " + e.getString("message") + " "
                + e.getString("level") + " " + e.getString("previousLevel") + " " + e.getLong("duration") + " "
                + e.getString("details").isEmpty() + " " + e.getBoolean("recoverable"));
        }
        assertNull(events.poll(300, TimeUnit.MILLISECONDS));
        List<String> expected = new java.util.ArrayList<>();
        for (Object[] w : want) {
            String id = (String) w[0];
            expected.add(String.format("1970-01-01T00:00:%02dZ", (Integer) w[3]) + " " + id + " "
                + id.substring(0, id.indexOf(':')) + " " + w[1] + " " + w[2] + " " + (Integer) w[4] * 1_000_000_000L
                + " true true");
        }
        java.util.Collections.sort(got);
        java.util.Collections.sort(expected);
        assertEquals(expected, got);
    }

    /** A stopped task's inhibitors go with it, as Kapacitor's groups remove theirs when the task is done. */
    @Test
    void stoppedTaskNoLongerInhibits() throws Exception {
        ScriptRun region = ScriptRun.start(vertx, "region", """
            stream
                |from()
                    .measurement('region')
                    .groupBy(*)
                |alert()
                    .category('region_alert')
                    .crit(lambda: "v")
                    .inhibit('host_alert', 'region')
            """);
        ScriptRun host = ScriptRun.start(vertx, "host", """
            stream
                |from()
                    .measurement('host')
                    .groupBy(*)
                |alert()
                    .category('host_alert')
                    .crit(lambda: "v")
            """);
        region.push(new kapacitor.model.Point("region", "db", "rp", kapacitor.model.Tags.of("region", "east"),
            kapacitor.model.Fields.of("v", true), 1_000_000_000L));
        host.push(new kapacitor.model.Point("host", "db", "rp", kapacitor.model.Tags.of("region", "east", "host",
            "A"), kapacitor.model.Fields.of("v", true), 2_000_000_000L));
        assertEquals(1L, host.alert().stats().get("alerts_inhibited"));
        assertEquals(0L, host.alert().stats().get("alerts_triggered"));
        region.stop();
        host.push(new kapacitor.model.Point("host", "db", "rp", kapacitor.model.Tags.of("region", "east", "host",
            "A"), kapacitor.model.Fields.of("v", true), 3_000_000_000L));
        assertEquals(1L, host.alert().stats().get("alerts_inhibited"));
        assertEquals(1L, host.alert().stats().get("alerts_triggered"));
    }
}
