package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.api.Json;
import kapacitor.app.Codecs;
import kapacitor.runtime.operator.ScriptRun;
import kapacitor.service.servicetest.ServiceTester;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kafka handler against a real single-node Kafka broker in this JVM. Kapacitor's own tests use a fake broker
 * that numbers a topic's 3 partitions from 1, so the partition it expects is one more than the partition index the
 * hash picks, which is what a real broker (partitions from 0) receives.
 */
class KafkaHandlerTest {
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static EmbeddedKafka kafka;

    private Vertx vertx;
    private FakeConfig config;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        for (String topic : List.of("testTopic", "partitioned", "test", "service", "disabled", "server")) {
            kafka.createTopic(topic, 3);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        config = new FakeConfig(vertx);
        config.put("kafka", cluster("default", true));
    }

    @AfterEach
    void tearDown() {
        await(vertx.close());
    }

    private static JsonObject cluster(String id, boolean enabled) {
        return new JsonObject().put("enabled", enabled).put("id", id)
            .put("brokers", new JsonArray().add(kafka.bootstrap())).put("batch-size", 1);
    }

    private static void assertRecent(long timestampMs) {
        long diff = Math.abs(System.currentTimeMillis() - timestampMs);
        assertTrue(diff < 10_000, "message time is within 10s of now: " + diff + " ms off");
    }

    @Test
    void streamAlertWritesTheTemplatedMessageKeyedByTheAlertId() throws Exception {
        ScriptRun run = ScriptRun.run(vertx, "TestStream_Alert", """
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
                    .info(lambda: "count" > 6.0)
                    .warn(lambda: "count" > 7.0)
                    .crit(lambda: "count" > 8.0)
                    .kafka()
                    .cluster('default')
                    .kafkaTopic('testTopic')
                    .template('{{.Message}}')
            """, "stream_alert");
        assertEquals(List.of(), run.errors());
        List<ConsumerRecord<String, String>> got = kafka.read("testTopic", 1, QUIET, TIMEOUT);
        assertEquals(1, got.size(), "messages: " + got);
        ConsumerRecord<String, String> m = got.get(0);
        assertEquals("testTopic", m.topic());
        assertEquals(1, m.partition());
        assertEquals(0, m.offset());
        assertEquals("kapacitor/cpu/serverA", m.key());
        assertEquals("kapacitor/cpu/serverA is CRITICAL", m.value());
        assertRecent(m.timestamp());
    }

    @Test
    void eachAlertIdStaysOnTheOnePartitionItsHashPicks() throws Exception {
        ScriptRun run = ScriptRun.run(vertx, "TestStream_Alert", """
            stream
                |from()
                    .measurement('cpu')
                |alert()
                    .id('{{ index .Tags "host" }}')
                    .crit(lambda: TRUE)
                    .kafka()
                    .cluster('default')
                    .kafkaTopic('partitioned')
                    .template('{{.Message}}')
            """, "stream_alert");
        assertEquals(List.of(), run.errors());
        List<ConsumerRecord<String, String>> got = kafka.read("partitioned", 2, QUIET, TIMEOUT);
        Map<String, Set<Integer>> partitions = new HashMap<>();
        for (ConsumerRecord<String, String> m : got) {
            partitions.computeIfAbsent(m.key(), k -> new HashSet<>()).add(m.partition());
        }
        assertTrue(partitions.size() > 1, "several alert ids: " + partitions);
        for (Map.Entry<String, Set<Integer>> e : partitions.entrySet()) {
            int expected = KafkaPartitioner.CRC32.partition(e.getKey().getBytes(StandardCharsets.UTF_8), 3);
            assertEquals(Set.of(expected), e.getValue(), "partitions of " + e.getKey());
        }
    }

    @Test
    void topicHandlerWritesTheAlertDataJson() {
        AlertHandler h = HandlerFactory.create(vertx, "kafka", new JsonObject().put("cluster", "default")
            .put("topic", "test"));
        await(h.handle(Events.critical()));
        List<ConsumerRecord<String, String>> got = kafka.read("test", 1, QUIET, TIMEOUT);
        assertEquals(1, got.size(), "messages: " + got);
        ConsumerRecord<String, String> m = got.get(0);
        assertEquals("id", m.key());
        assertEquals(2, m.partition());
        assertEquals("{\"id\":\"id\",\"message\":\"message\",\"details\":\"details\","
            + "\"time\":\"1970-01-01T00:00:00Z\",\"duration\":0,\"level\":\"CRITICAL\",\"data\":" + Events.RESULT
            + ",\"previousLevel\":\"OK\",\"recoverable\":true}\n", m.value());
        assertRecent(m.timestamp());
    }

    @Test
    void serviceTestWritesItsMessageAndNamesAnUnknownCluster() {
        ServiceTester t = HandlerServiceTests.all(vertx).stream().filter(s -> s.name().equals("kafka"))
            .findFirst().orElseThrow();
        assertEquals("{\"cluster\":\"example\",\"topic\":\"test\",\"key\":\"key\",\"message\":\"test kafka message\"}",
            Json.compact(await(t.options())).toString());
        Exception unknown = assertThrows(Exception.class, () -> await(t.test(new JsonObject()
            .put("cluster", "example").put("topic", "test").put("key", "key").put("message", "m"))));
        assertEquals("unknown cluster \"example\"", unknown.getMessage());

        await(t.test(new JsonObject().put("cluster", "default").put("topic", "service").put("key", "key")
            .put("message", "test kafka message")));
        List<ConsumerRecord<String, String>> got = kafka.read("service", 1, QUIET, TIMEOUT);
        assertEquals(1, got.size(), "messages: " + got);
        assertEquals("key", got.get(0).key());
        assertEquals("test kafka message", got.get(0).value());
        // Kapacitor's test write is partitioned by its client's default fnv-1a hash of the key.
        assertEquals(KafkaPartitioner.FNV1A.partition("key".getBytes(StandardCharsets.UTF_8), 3),
            got.get(0).partition());
    }

    @Test
    void configErrorsAreReportedAsKapacitorWordsThem() {
        Exception topic = assertThrows(Exception.class, () -> await(HandlerFactory.create(vertx, "kafka",
            new JsonObject().put("cluster", "default")).handle(Events.critical())));
        assertEquals("topic must not be empty", topic.getMessage());
        Exception algorithm = assertThrows(Exception.class, () -> await(HandlerFactory.create(vertx, "kafka",
            new JsonObject().put("cluster", "default").put("topic", "test").put("partitionAlgorithm", "md5"))
            .handle(Events.critical())));
        assertEquals("invalid partition algorithm: \"md5\"", algorithm.getMessage());
        IllegalArgumentException template = assertThrows(IllegalArgumentException.class, () ->
            HandlerFactory.create(vertx, "kafka", new JsonObject().put("cluster", "default").put("topic", "t")
                .put("template", "{{.Message")));
        assertTrue(template.getMessage().startsWith("failed to parse template: "), template.getMessage());
    }

    @Test
    void aClusterDisabledInTheLiveConfigIsNoLongerUsed() {
        AlertHandler h = HandlerFactory.create(vertx, "kafka", new JsonObject().put("cluster", "default")
            .put("topic", "disabled"));
        await(h.handle(Events.critical()));
        config.put("kafka", cluster("default", false));
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("unknown cluster \"default\"", e.getMessage());
        // Enabled again with other settings: a new producer for the new config.
        config.put("kafka", cluster("default", true).put("timeout", "5s"));
        await(h.handle(Events.critical()));
        assertEquals(2, kafka.read("disabled", 2, QUIET, TIMEOUT).size());
    }

    @Test
    void serviceTestThroughTheServerWithItsTomlConfig() throws Exception {
        Path conf = Files.createTempFile("kapacitor-kafka", ".conf");
        Files.writeString(conf, "[[kafka]]\n  enabled = true\n  id = \"local\"\n  brokers = [\"" + kafka.bootstrap()
            + "\"]\n  timeout = \"5s\"\n");
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()))) {
            Http.Response r = await(server.http().post("/kapacitor/v1/service-tests/kafka", new JsonObject()
                .put("cluster", "local").put("topic", "server").put("key", "k").put("message", "from the server")));
            assertEquals(new JsonObject().put("success", true).put("message", ""), r.json());
        }
        List<ConsumerRecord<String, String>> got = kafka.read("server", 1, QUIET, TIMEOUT);
        assertEquals(1, got.size(), "messages: " + got);
        assertEquals("k", got.get(0).key());
        assertEquals("from the server", got.get(0).value());
    }
}
