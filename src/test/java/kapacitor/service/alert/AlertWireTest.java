package kapacitor.service.alert;

import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.model.Fields;
import kapacitor.model.Tags;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AlertWireTest {
    @Test
    void anEventCrossesNodesUnchanged() {
        Fields fields = Fields.of(Map.of("f", 1.5, "i", 7L, "s", "text", "b", true));
        EventData data = new EventData("cpu", "task", "cat", "host=a", Tags.of("host", "a"), fields, true,
            List.of("{\"name\":\"cpu\"}"));
        AlertEvent e = new AlertEvent("t", new EventState("id", "msg", "det", 10, 20, Level.CRITICAL), data,
            new EventState("id", "m0", "", 5, 0, Level.WARNING), true);
        AlertEvent back = AlertWire.event(new JsonObject(AlertWire.event(e).encode()));
        assertEquals(e, back);
        assertEquals(e.alertDataJson(), back.alertDataJson());
    }

    @Test
    void anEventWithoutPreviousStateOrFields() {
        AlertEvent e = new AlertEvent("t", EventState.empty("x"), EventData.empty(), null, false);
        AlertEvent back = AlertWire.event(new JsonObject(AlertWire.event(e).encode()));
        assertNull(back.previous());
        assertEquals(e, back);
    }

    @Test
    void anonymousTopicsBelongToTheirTask() {
        assertEquals("t1", StoredTopics.taskOf("main:t1:alert2"));
        assertNull(StoredTopics.taskOf("cpu-alerts"));
        assertNull(StoredTopics.taskOf("main:odd"));
    }
}
