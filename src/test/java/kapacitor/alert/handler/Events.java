package kapacitor.alert.handler;

import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.model.Fields;
import kapacitor.model.Tags;

import java.util.List;

/** The event of Kapacitor's TestServer_AlertHandlers: id, message, details, CRITICAL at the epoch, one row. */
final class Events {
    static final String ROW = "{\"name\":\"alert\",\"columns\":[\"time\",\"value\"],"
        + "\"values\":[[\"1970-01-01T00:00:00Z\",1]]}";
    static final String RESULT = "{\"series\":[" + ROW + "]}";

    private Events() {
    }

    static AlertEvent critical() {
        return at(Level.CRITICAL);
    }

    static AlertEvent at(Level level) {
        EventState state = new EventState("id", "message", "details", 0L, 0L, level);
        EventData data = new EventData("alert", "testAlertHandlers", "", "", Tags.EMPTY, Fields.EMPTY, true,
            List.of(ROW));
        return new AlertEvent("test", state, data, EventState.empty("id"), false);
    }
}
