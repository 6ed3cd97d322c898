package kapacitor.alert.handler;

import kapacitor.alert.AlertEvent;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;
import kapacitor.alert.template.TemplateException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Handler option templates ({@code {{.TaskName}}} in a link, {@code {{.Message}}} in a trap's data). */
final class EventTemplates {
    private EventTemplates() {
    }

    /** Kapacitor's alert.TemplateData of an event, in its field order. */
    static GoStruct data(AlertEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", e.state().id());
        m.put("Message", e.state().message());
        m.put("Level", e.state().level().name());
        m.put("Time", new GoValues.Time(e.state().time()));
        m.put("Duration", new GoValues.Duration(e.state().duration()));
        m.put("Details", e.state().details());
        m.put("Name", e.data().name());
        m.put("TaskName", e.data().taskName());
        m.put("Group", e.data().group());
        m.put("Tags", GoTemplate.goMap(e.data().tags().toMap()));
        m.put("Fields", GoTemplate.goMap(e.data().fields().toMap()));
        return new GoStruct("alert.TemplateData", m);
    }

    /** Parses a template at handler creation, so a bad one refuses the handler as Kapacitor does. */
    static GoTemplate parse(String name, String text) {
        try {
            return GoTemplate.parse(name, text);
        } catch (TemplateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static String render(GoTemplate t, Object data) {
        try {
            return t.execute(data);
        } catch (TemplateException e) {
            throw new HandlerException(e.getMessage());
        }
    }
}
