package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Kapacitor's mqtt handler: the alert message published to a topic on a configured {@code [[mqtt]]} broker. */
public final class MqttHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("mqtt", "mqtt.HandlerConfig", List.of(
        new HandlerOption("broker-name", "BrokerName", OptionType.STRING),
        new HandlerOption("topic", "Topic", OptionType.STRING),
        new HandlerOption("qos", "Qos", OptionType.MQTT_QOS),
        new HandlerOption("retained", "Retained", OptionType.BOOL)), MqttHandler::new);

    private final Vertx vertx;
    private final MqttPublisher publisher;
    private final HandlerOptions options;

    MqttHandler(Vertx vertx, HandlerOptions options) {
        long qos = options.integer("qos");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("invalid QoS level " + qos);
        }
        this.vertx = vertx;
        this.publisher = new MqttPublisher(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, publisher, options.string("broker-name"), options.string("topic"),
            (int) options.integer("qos"), options.bool("retained"), event.state().message());
    }

    static Future<Void> send(Vertx vertx, MqttPublisher publisher, String brokerName, String topic, int qos,
                             boolean retained, String message) {
        if (topic.isEmpty()) {
            return Future.failedFuture(new HandlerException("missing MQTT topic"));
        }
        return ServiceConfig.elements(vertx, "mqtt").compose(list -> {
            JsonObject broker = broker(list, brokerName);
            if (broker == null) {
                return Future.failedFuture(new HandlerException("unknown MQTT broker \"" + brokerName + "\""));
            }
            MqttPublisher.Broker b = new MqttPublisher.Broker(broker.getString("url", ""),
                broker.getString("client-id", ""), broker.getString("username", ""),
                broker.getString("password", ""));
            return publisher.publish(b, topic, qos, retained, message.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The enabled broker by name; without a name the one marked default, or the only one. */
    static JsonObject broker(List<JsonObject> all, String name) {
        List<JsonObject> enabled = all.stream().filter(c -> c.getBoolean("enabled", false)).toList();
        for (JsonObject c : enabled) {
            if (name.isEmpty() ? c.getBoolean("default", false) : name.equals(c.getString("name", ""))) {
                return c;
            }
        }
        return name.isEmpty() && enabled.size() == 1 ? enabled.get(0) : null;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
