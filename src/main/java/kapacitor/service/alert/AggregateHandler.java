package kapacitor.service.alert;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.alert.handler.AlertHandler;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;
import kapacitor.alert.template.TemplateException;
import kapacitor.model.Fields;
import kapacitor.model.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kapacitor's aggregate handler: gathers the topic's events and, every interval with at least one, collects a single
 * event on its target topic: the highest level, latest time and longest duration, the templated message, the
 * gathered messages as details and all their series. The event skips external handlers unless one of the gathered
 * events was external. Runs on the context it was created on (events and ticks on one thread).
 */
final class AggregateHandler implements AlertHandler {
    static final String DEFAULT_MESSAGE = "Received {{ .Count }} events in the last {{.Interval}}.";

    private final Vertx vertx;
    private final Topics topics;
    private final String id;
    private final String topic;
    private final long intervalNanos;
    private final GoTemplate message;
    private final List<AlertEvent> events = new ArrayList<>();
    private final long timer;

    AggregateHandler(Vertx vertx, Topics topics, String id, String topic, long intervalNanos, String messageText) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("non-positive interval for NewTicker");
        }
        try {
            this.message = GoTemplate.parse("message", messageText);
            message.execute(data(0));
        } catch (TemplateException e) {
            throw new IllegalArgumentException(
                "failed to evaluate message template with aggregate message data: " + e.getMessage());
        }
        this.vertx = vertx;
        this.topics = topics;
        this.id = id;
        this.topic = topic;
        this.intervalNanos = intervalNanos;
        this.timer = vertx.setPeriodic(Math.max(1, intervalNanos / 1_000_000L), t -> flush());
    }

    private GoStruct data(int count) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Count", (long) count);
        f.put("Interval", new GoValues.Duration(intervalNanos));
        return new GoStruct("alert.aggregateMessageData", f);
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        events.add(event);
        return Future.succeededFuture();
    }

    private void flush() {
        if (events.isEmpty()) {
            return;
        }
        String text;
        try {
            text = message.execute(data(events.size()));
        } catch (TemplateException e) {
            text = "";
        }
        Level level = Level.OK;
        long time = 0;
        long duration = 0;
        boolean external = false;
        List<String> details = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (AlertEvent e : events) {
            EventState s = e.state();
            level = s.level().compareTo(level) > 0 ? s.level() : level;
            time = Math.max(time, s.time());
            duration = Math.max(duration, s.duration());
            external |= !e.noExternal();
            details.add(s.message());
            series.addAll(e.data().series());
        }
        events.clear();
        EventState state = new EventState(id, text, String.join("\n", details), time, duration, level);
        EventData data = new EventData("", "", "", "", Tags.EMPTY, Fields.EMPTY, false, series);
        topics.collect(new AlertEvent(topic, state, data, null, !external));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
