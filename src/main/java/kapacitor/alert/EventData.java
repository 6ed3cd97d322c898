package kapacitor.alert;

import kapacitor.model.Fields;
import kapacitor.model.Tags;

import java.util.List;

/**
 * What an alert event carries besides its state (Kapacitor's alert.EventData). {@code series} are the rows of the
 * event's result, each already rendered as Kapacitor's models.Row JSON, since handlers only ever send them as JSON.
 */
public record EventData(String name, String taskName, String category, String group, Tags tags, Fields fields,
                        boolean recoverable, List<String> series) {

    public EventData {
        series = List.copyOf(series);
    }

    public static EventData empty() {
        return new EventData("", "", "", "", Tags.EMPTY, Fields.EMPTY, false, List.of());
    }
}
