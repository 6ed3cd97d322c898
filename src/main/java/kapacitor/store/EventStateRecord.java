package kapacitor.store;

import io.vertx.core.json.JsonObject;

/**
 * The state of one alert event of a topic (Kapacitor's alert EventState): {@code level} as Kapacitor names it
 * (OK, INFO, WARNING, CRITICAL); message, details, time and duration live in {@code data}.
 */
public record EventStateRecord(String topic, String eventId, String level, long version, JsonObject data) {
}
