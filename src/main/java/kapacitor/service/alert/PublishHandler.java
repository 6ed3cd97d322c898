package kapacitor.service.alert;

import io.vertx.core.Future;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Topics;
import kapacitor.alert.handler.AlertHandler;

import java.util.List;

/** Kapacitor's publish handler: collects the event again on each of its topics. */
final class PublishHandler implements AlertHandler {
    private final Topics topics;
    private final List<String> targets;

    PublishHandler(Topics topics, List<String> targets) {
        this.topics = topics;
        this.targets = List.copyOf(targets);
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        for (String t : targets) {
            topics.collect(event.withTopic(t));
        }
        return Future.succeededFuture();
    }
}
