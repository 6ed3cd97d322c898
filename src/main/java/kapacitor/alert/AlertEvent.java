package kapacitor.alert;

import kapacitor.model.LocalMessage;
import kapacitor.runtime.time.GoTime;
import kapacitor.runtime.operator.GoJson;

/**
 * One alert event on its way to a topic (Kapacitor's alert.Event). {@code previous} is the state the topic held for
 * the same id before this event (OK when none); {@code noExternal} marks aggregate events that external handlers
 * skip.
 */
public record AlertEvent(String topic, EventState state, EventData data, EventState previous, boolean noExternal)
    implements LocalMessage {

    public AlertEvent withTopic(String t) {
        return new AlertEvent(t, state, data, previous, noExternal);
    }

    public AlertEvent withPrevious(EventState p) {
        return new AlertEvent(topic, state, data, p, noExternal);
    }

    /** Kapacitor's alert.Data as encoding/json renders it (no trailing newline). */
    public String alertDataJson() {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"id\":");
        GoJson.string(b, state.id());
        b.append(",\"message\":");
        GoJson.string(b, state.message());
        b.append(",\"details\":");
        GoJson.string(b, state.details());
        b.append(",\"time\":\"").append(GoTime.formatRfc3339Nano(state.time())).append('"');
        b.append(",\"duration\":").append(state.duration());
        b.append(",\"level\":\"").append(state.level().name()).append('"');
        b.append(",\"data\":");
        resultJson(b);
        b.append(",\"previousLevel\":\"").append(previous == null ? "OK" : previous.level().name()).append('"');
        b.append(",\"recoverable\":").append(data.recoverable());
        return b.append('}').toString();
    }

    /** models.Result: {@code {"series":[...]}}, or {@code {"series":null}} without rows. */
    public void resultJson(StringBuilder b) {
        if (data.series().isEmpty()) {
            b.append("{\"series\":null}");
            return;
        }
        b.append("{\"series\":[");
        for (int i = 0; i < data.series().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(data.series().get(i));
        }
        b.append("]}");
    }
}
