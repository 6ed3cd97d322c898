package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kapacitor's kafka handler: each event becomes one message on a topic of a configured {@code [[kafka]]} cluster,
 * keyed by the alert id, its value the alert data JSON (with the newline Go's encoder adds) or the handler's
 * template rendered with the alert data, on the partition Kapacitor would choose for the id.
 *
 * <p>As with Kapacitor's asynchronous producer, an event is done once its message is handed to the producer; a
 * delivery failure reported later by the broker is logged.
 */
public final class KafkaHandler implements AlertHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaHandler.class);

    static final HandlerKind KIND = new HandlerKind("kafka", "kafka.HandlerConfig", List.of(
        new HandlerOption("cluster", "Cluster", OptionType.STRING),
        new HandlerOption("topic", "KafkaTopic", OptionType.STRING),
        new HandlerOption("template", "Template", OptionType.STRING),
        new HandlerOption("disablePartitionById", "DisablePartitionById", OptionType.BOOL),
        new HandlerOption("partitionAlgorithm", "PartitionHashAlgorithm", OptionType.STRING)),
        KafkaHandler::new);

    private final Vertx vertx;
    private final String cluster;
    private final String topic;
    private final GoTemplate template;
    private final boolean partitionById;
    private final String algorithm;

    KafkaHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.cluster = options.string("cluster");
        this.topic = options.string("topic");
        String text = options.string("template");
        this.template = text.isEmpty() ? null : parse(text);
        this.partitionById = !options.bool("disablePartitionById");
        this.algorithm = options.string("partitionAlgorithm");
    }

    private static GoTemplate parse(String text) {
        try {
            return EventTemplates.parse("kafka alert template", text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to parse template: " + e.getMessage());
        }
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        String value;
        if (template == null) {
            value = event.alertDataJson() + "\n";
        } else {
            try {
                value = EventTemplates.render(template, alertData(event));
            } catch (HandlerException e) {
                // Kapacitor logs the failure and still writes the message, with an empty value.
                LOG.error("msg=\"failed to prepare kafka message body\" error=\"failed to execute alert template: {}\"",
                    e.getMessage());
                value = "";
            }
        }
        return send(vertx, cluster, topic, partitionById, algorithm, event.state().id(), value);
    }

    /**
     * Writes one message, failing as Kapacitor does for an unknown cluster, an empty topic or an unknown partition
     * algorithm; completes once the message is handed to the cluster's producer.
     */
    static Future<Void> send(Vertx vertx, String cluster, String topic, boolean partitionById, String algorithm,
                             String key, String value) {
        return KafkaClusters.of(vertx).producer(cluster).compose(producer -> {
            if (topic.isEmpty()) {
                return Future.failedFuture(new HandlerException("topic must not be empty"));
            }
            KafkaPartitioner partitioner;
            try {
                partitioner = KafkaPartitioner.of(partitionById, algorithm);
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(new HandlerException(e.getMessage()));
            }
            return producer.partitionsFor(topic).compose(partitions -> {
                if (partitions.isEmpty()) {
                    return Future.failedFuture(new HandlerException("kafka topic " + topic + " has no partitions"));
                }
                int partition = partitioner.partition(key.getBytes(StandardCharsets.UTF_8), partitions.size());
                producer.send(KafkaProducerRecord.create(topic, key, value, partition)).onFailure(e ->
                    LOG.error("msg=\"kafka client error\" cluster={} topic={} error=\"{}\"", cluster, topic,
                        e.getMessage()));
                return Future.<Void>succeededFuture();
            });
        });
    }

    /** Kapacitor's alert.Data, what a kafka template renders. */
    static GoStruct alertData(AlertEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", e.state().id());
        m.put("Message", e.state().message());
        m.put("Details", e.state().details());
        m.put("Time", new GoValues.Time(e.state().time()));
        m.put("Duration", new GoValues.Duration(e.state().duration()));
        m.put("Level", e.state().level().name());
        m.put("PreviousLevel", e.previous() == null ? "OK" : e.previous().level().name());
        m.put("Recoverable", e.data().recoverable());
        return new GoStruct("alert.Data", m);
    }
}
