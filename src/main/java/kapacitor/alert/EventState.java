package kapacitor.alert;

import io.vertx.core.json.JsonObject;

/**
 * The state of one alert event (Kapacitor's alert.EventState): times are epoch nanoseconds, the duration nanoseconds.
 */
public record EventState(String id, String message, String details, long time, long duration, Level level) {

    public static EventState empty(String id) {
        return new EventState(id, "", "", 0, 0, Level.OK);
    }

    /** The stored form: level is a column of its own, the rest goes in the data document. */
    public JsonObject toData() {
        return new JsonObject().put("message", message).put("details", details).put("time", time)
            .put("duration", duration);
    }

    public static EventState fromData(String id, String level, JsonObject data) {
        return new EventState(id, data.getString("message", ""), data.getString("details", ""),
            data.getLong("time", 0L), data.getLong("duration", 0L), Level.parse(level));
    }
}
