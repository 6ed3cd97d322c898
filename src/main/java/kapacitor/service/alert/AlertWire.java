package kapacitor.service.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.model.Fields;
import kapacitor.model.Tags;
import kapacitor.service.alert.AlertCommands.EventInfo;
import kapacitor.service.alert.AlertCommands.TopicInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON forms of what crosses nodes in the alert service (ARCHITECTURE.md §8): events sent to their topic's owner and
 * the owner's answers to API reads. Alert events are rare, so plain JSON is enough; field types are kept exactly
 * (an integer stays an integer, an unsigned stays unsigned) so handlers render the same JSON on any node.
 */
public final class AlertWire {
    private AlertWire() {
    }

    public static JsonObject event(AlertEvent e) {
        JsonObject o = new JsonObject().put("topic", e.topic()).put("state", state(e.state()))
            .put("noExternal", e.noExternal());
        if (e.previous() != null) {
            o.put("previous", state(e.previous()));
        }
        EventData d = e.data();
        JsonObject tags = new JsonObject();
        for (int i = 0; i < d.tags().size(); i++) {
            tags.put(d.tags().key(i), d.tags().value(i));
        }
        JsonArray fields = new JsonArray();
        Fields f = d.fields();
        for (int i = 0; i < f.size(); i++) {
            fields.add(new JsonArray().add(f.key(i)).add(f.type(i))
                .add(f.type(i) == Fields.STRING ? f.stringAt(i) : f.longAt(i)));
        }
        o.put("data", new JsonObject().put("name", d.name()).put("task", d.taskName()).put("category", d.category())
            .put("group", d.group()).put("tags", tags).put("fields", fields).put("recoverable", d.recoverable())
            .put("series", new JsonArray(new ArrayList<>(d.series()))));
        return o;
    }

    public static AlertEvent event(JsonObject o) {
        JsonObject d = o.getJsonObject("data");
        JsonArray fa = d.getJsonArray("fields");
        String[] keys = new String[fa.size()];
        byte[] types = new byte[fa.size()];
        long[] bits = new long[fa.size()];
        String[] strings = null;
        for (int i = 0; i < fa.size(); i++) {
            JsonArray f = fa.getJsonArray(i);
            keys[i] = f.getString(0);
            types[i] = f.getInteger(1).byteValue();
            if (types[i] == Fields.STRING) {
                if (strings == null) {
                    strings = new String[fa.size()];
                }
                strings[i] = f.getString(2);
            } else {
                bits[i] = f.getLong(2);
            }
        }
        List<String> series = new ArrayList<>();
        d.getJsonArray("series").forEach(s -> series.add((String) s));
        java.util.Map<String, String> tags = new java.util.TreeMap<>();
        d.getJsonObject("tags").forEach(e -> tags.put(e.getKey(), (String) e.getValue()));
        EventData data = new EventData(d.getString("name"), d.getString("task"), d.getString("category"),
            d.getString("group"), Tags.of(tags), Fields.ofSortedUnsafe(keys, types, bits, strings),
            d.getBoolean("recoverable"), series);
        JsonObject prev = o.getJsonObject("previous");
        return new AlertEvent(o.getString("topic"), state(o.getJsonObject("state")), data,
            prev == null ? null : state(prev), o.getBoolean("noExternal", false));
    }

    public static JsonObject state(EventState s) {
        return s.toData().put("id", s.id()).put("level", s.level().name());
    }

    public static EventState state(JsonObject o) {
        return EventState.fromData(o.getString("id"), o.getString("level"), o);
    }

    public static JsonObject topic(TopicInfo t) {
        return new JsonObject().put("id", t.id()).put("level", t.level().name()).put("collected", t.collected());
    }

    public static TopicInfo topic(JsonObject o) {
        return new TopicInfo(o.getString("id"), Level.parse(o.getString("level")), o.getLong("collected"));
    }

    public static JsonArray events(List<EventInfo> events) {
        JsonArray a = new JsonArray();
        events.forEach(e -> a.add(state(e.state())));
        return a;
    }

    public static List<EventInfo> events(JsonArray a) {
        List<EventInfo> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            EventState s = state(a.getJsonObject(i));
            out.add(new EventInfo(s.id(), s));
        }
        return out;
    }
}
