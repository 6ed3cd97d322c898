package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mqtt handler against the Mosquitto broker on 127.0.0.1:1883. Messages are published retained on a fresh topic,
 * so {@code mosquitto_sub} started afterwards still receives them.
 */
class MqttHandlerTest {
    private Vertx vertx;
    private FakeConfig config;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        config = new FakeConfig(vertx);
        config.put("mqtt", new JsonObject().put("enabled", true).put("name", "local").put("default", true)
            .put("url", "tcp://127.0.0.1:1883").put("client-id", "").put("username", "").put("password", ""));
    }

    @AfterEach
    void tearDown() {
        await(vertx.close());
    }

    private static String subscribeOnce(String topic) throws Exception {
        Process p = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", "1883", "-C", "1", "-W", "10",
            "-v", "-t", topic).redirectErrorStream(true).start();
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "mosquitto_sub ended");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static void clearRetained(String topic) throws Exception {
        new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-t", topic, "-r", "-n").start()
            .waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void publishesTheMessageAtQos1() throws Exception {
        String topic = "kapacitor-test/" + UUID.randomUUID();
        AlertHandler h = HandlerFactory.create(vertx, "mqtt", new JsonObject().put("topic", topic)
            .put("qos", 1).put("retained", true));
        await(h.handle(Events.critical()));
        h.close();
        assertEquals(topic + " message", subscribeOnce(topic));
        clearRetained(topic);
    }

    @Test
    void publishesAtQos2ToTheNamedBroker() throws Exception {
        String topic = "kapacitor-test/" + UUID.randomUUID();
        await(MqttHandler.send(vertx, new MqttPublisher(vertx), "local", topic, 2, true, "exactly"));
        assertEquals(topic + " exactly", subscribeOnce(topic));
        clearRetained(topic);
    }

    @Test
    void unknownBrokerAndMissingTopicAreReported() {
        Exception broker = assertThrows(Exception.class,
            () -> await(MqttHandler.send(vertx, new MqttPublisher(vertx), "other", "t", 0, false, "m")));
        assertEquals("unknown MQTT broker \"other\"", broker.getMessage());
        Exception topic = assertThrows(Exception.class,
            () -> await(MqttHandler.send(vertx, new MqttPublisher(vertx), "", "", 0, false, "m")));
        assertEquals("missing MQTT topic", topic.getMessage());
    }
}
