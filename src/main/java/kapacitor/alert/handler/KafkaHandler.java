package kapacitor.alert.handler;

import io.vertx.core.Future;
import kapacitor.alert.AlertEvent;

import java.util.List;

/**
 * The kafka handler kind. This build carries no Kafka client, so every event fails with a clear error instead of
 * being dropped silently; the options are still checked so a handler definition is accepted or refused as in
 * Kapacitor.
 */
public final class KafkaHandler implements AlertHandler {
    static final String UNAVAILABLE = "kafka handler is not available in this build";

    static final HandlerKind KIND = new HandlerKind("kafka", "kafka.HandlerConfig", List.of(
        new HandlerOption("cluster", "Cluster", OptionType.STRING),
        new HandlerOption("topic", "KafkaTopic", OptionType.STRING),
        new HandlerOption("template", "Template", OptionType.STRING),
        new HandlerOption("disablePartitionById", "DisablePartitionById", OptionType.BOOL),
        new HandlerOption("partitionAlgorithm", "PartitionHashAlgorithm", OptionType.STRING)),
        (vertx, options) -> new KafkaHandler());

    @Override
    public Future<Void> handle(AlertEvent event) {
        return Future.failedFuture(new HandlerException(UNAVAILABLE));
    }
}
