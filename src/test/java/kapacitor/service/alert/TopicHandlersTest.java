package kapacitor.service.alert;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.api.alerts.ContextHttp;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Handlers defined over the API receive their topic's events: tcp, log and exec against real peers, match
 * expressions, publish and aggregate; and the in-JVM bus addresses carry every event.
 */
class TopicHandlersTest {
    private static final String TOPICS = "/kapacitor/v1/alerts/topics/";
    private static TestServer server;
    private static ContextHttp http;
    private static NetServer tcp;
    private static final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
        http = new ContextHttp(server.vertx(), server.http().port());
        StringBuilder pending = new StringBuilder();
        tcp = await(server.vertx().createNetServer().connectHandler(so -> so.handler(b -> {
            synchronized (pending) {
                pending.append(b.toString(StandardCharsets.UTF_8));
                int nl;
                while ((nl = pending.indexOf("\n")) >= 0) {
                    String line = pending.substring(0, nl);
                    pending.delete(0, nl + 1);
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
        })).listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        await(tcp.close());
        server.close();
    }

    private static void collect(String topic, String id, String message, Level level, long seconds) {
        Topics.of(server.vertx()).collect(new AlertEvent(topic,
            new EventState(id, message, "", seconds * 1_000_000_000L, 0, level), EventData.empty(), null, false));
    }

    private static void handler(String topic, String json) {
        Http.Response r = await(http.post(TOPICS + topic + "/handlers", json));
        assertEquals(200, r.status(), r.text());
    }

    private static String tcpHandler(String id, String match) {
        return "{\"id\":\"" + id + "\",\"kind\":\"tcp\",\"options\":{\"address\":\"127.0.0.1:" + tcp.actualPort()
            + "\"},\"match\":\"" + match + "\"}";
    }

    private static JsonObject nextLine() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertNotNull(line, "the tcp peer received an event");
        return new JsonObject(line);
    }

    private static String awaitFile(Path p) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(p) && Files.size(p) > 0) {
                String s = Files.readString(p);
                if (s.endsWith("\n")) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing written to " + p);
    }

    @Test
    void tcpHandlerWithMatchSendsOnlyMatchingEvents() throws Exception {
        handler("tcp_match", tcpHandler("crit_only", "level() == CRITICAL AND changed() AND \\\"host\\\" == 'a'"));
        // A missing tag fails the match (Kapacitor: "no tag exists for host"), so this event is not sent either.
        collect("tcp_match", "e1", "warn", Level.WARNING, 1);
        Topics.of(server.vertx()).collect(new AlertEvent("tcp_match",
            new EventState("e1", "crit", "", 2_000_000_000L, 0, Level.CRITICAL),
            new EventData("cpu", "task", "", "", kapacitor.model.Tags.of("host", "a"), kapacitor.model.Fields.EMPTY,
                true, java.util.List.of()), null, false));
        JsonObject e = nextLine();
        assertEquals("crit", e.getString("message"));
        assertEquals("WARNING", e.getString("previousLevel"));
    }

    @Test
    void logHandlerAppendsAlertDataLines() throws Exception {
        Path dir = Files.createTempDirectory("alert-log");
        Path file = dir.resolve("alerts.log");
        handler("log_topic", "{\"id\":\"log\",\"kind\":\"log\",\"options\":{\"path\":\"" + file + "\"}}");
        collect("log_topic", "e1", "hello", Level.CRITICAL, 1);
        assertEquals("{\"id\":\"e1\",\"message\":\"hello\",\"details\":\"\",\"time\":\"1970-01-01T00:00:01Z\","
            + "\"duration\":0,\"level\":\"CRITICAL\",\"data\":{\"series\":null},\"previousLevel\":\"OK\","
            + "\"recoverable\":false}\n", awaitFile(file));
    }

    @Test
    void logHandlerRejectsRelativePaths() {
        Http.Response r = await(http.post(TOPICS + "log_bad/handlers",
            "{\"id\":\"log\",\"kind\":\"log\",\"options\":{\"path\":\"rel.log\"}}"));
        assertEquals(500, r.status());
        assertEquals("failed to create handler: log path must be absolute: rel.log is not absolute",
            r.json().getString("error"));
    }

    @Test
    void execHandlerFeedsTheScriptStdin() throws Exception {
        Path dir = Files.createTempDirectory("alert-exec");
        Path out = dir.resolve("stdin.json");
        handler("exec_topic", "{\"id\":\"exec\",\"kind\":\"exec\",\"options\":{\"prog\":\"/bin/sh\","
            + "\"args\":[\"-c\",\"cat > " + out + "\"]}}");
        collect("exec_topic", "e1", "from exec", Level.WARNING, 3);
        JsonObject e = new JsonObject(awaitFile(out).trim());
        assertEquals("from exec", e.getString("message"));
        assertEquals("WARNING", e.getString("level"));
    }

    @Test
    void publishHandlerForwardsToOtherTopics() throws Exception {
        handler("pub_src", "{\"id\":\"pub\",\"kind\":\"publish\",\"options\":{\"topics\":[\"pub_dst\"]}}");
        handler("pub_dst", tcpHandler("to_tcp", ""));
        collect("pub_src", "p1", "published", Level.INFO, 4);
        JsonObject e = nextLine();
        assertEquals("p1", e.getString("id"));
        assertEquals("published", e.getString("message"));
        JsonObject dst = await(http.get(TOPICS + "pub_dst")).json();
        assertEquals("INFO", dst.getString("level"));
        assertEquals(1L, dst.getLong("collected"));
    }

    @Test
    void aggregateHandlerSendsOneEventPerInterval() throws Exception {
        handler("agg_src", "{\"id\":\"agg\",\"kind\":\"aggregate\",\"options\":{\"id\":\"agg-id\","
            + "\"interval\":100000000,\"topic\":\"agg_dst\"}}");
        handler("agg_dst", tcpHandler("agg_tcp", ""));
        server.vertx().runOnContext(v -> {
            collect("agg_src", "a1", "first", Level.WARNING, 5);
            collect("agg_src", "a2", "second", Level.CRITICAL, 6);
        });
        JsonObject e = nextLine();
        assertEquals("agg-id", e.getString("id"));
        assertEquals("Received 2 events in the last 100ms.", e.getString("message"));
        assertEquals("first\nsecond", e.getString("details"));
        assertEquals("CRITICAL", e.getString("level"));
        assertEquals("1970-01-01T00:00:06Z", e.getString("time"));
    }

    @Test
    void busAddressesCarryEveryEventAsJson() throws Exception {
        LinkedBlockingQueue<JsonObject> all = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<JsonObject> one = new LinkedBlockingQueue<>();
        MessageConsumer<String> a = server.vertx().eventBus().<String>consumer(Topics.EVENTS_ADDRESS,
            m -> all.add(new JsonObject(m.body())));
        MessageConsumer<String> b = server.vertx().eventBus().<String>consumer(Topics.topicAddress("bus_topic"),
            m -> one.add(new JsonObject(m.body())));
        await(a.completion());
        await(b.completion());
        collect("bus_topic", "b1", "on the bus", Level.CRITICAL, 7);
        JsonObject e = one.poll(10, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals("bus_topic", e.getString("topic"));
        assertEquals("b1", e.getString("id"));
        assertEquals("CRITICAL", e.getString("level"));
        JsonObject any;
        do {
            any = all.poll(10, TimeUnit.SECONDS);
            assertNotNull(any);
        } while (!"bus_topic".equals(any.getString("topic")));
        assertEquals("on the bus", any.getString("message"));
        await(a.unregister());
        await(b.unregister());
    }

    @Test
    void deletedTaskLosesItsAnonymousTopics() throws Exception {
        collect("main:gone:alert2", "g1", "m", Level.CRITICAL, 8);
        collect("main:gone2:alert2", "g1", "m", Level.CRITICAL, 8);
        server.vertx().eventBus().publish(kapacitor.app.Addresses.TASKS_DELETED, "gone");
        int status = 200;
        for (int i = 0; i < 200 && status == 200; i++) {
            status = await(http.get(TOPICS + "main:gone:alert2")).status();
            Thread.sleep(status == 200 ? 20 : 0);
        }
        assertEquals(404, status);
        assertEquals(200, await(http.get(TOPICS + "main:gone2:alert2")).status());
    }
}
