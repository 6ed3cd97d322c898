package kapacitor.service.task;

import kapacitor.runtime.time.GoTime;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** The bits of Go's encoding Kapacitor's task API shows: struct field matching and RFC3339Nano times. */
public final class GoJson {
    /** Go's zero {@code time.Time}, which Kapacitor prints for a task never enabled. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private GoJson() {
    }

    /** A struct field as Go's decoder finds it: the exact key, else a case-insensitive match. */
    public static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A string field: absent or null is "", anything but a string fails as Go's decoder does. */
    public static String string(JsonNode object, String name) {
        JsonNode n = field(object, name);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field " + name + " must be a string");
        }
        return n.asText();
    }

    /** {@code time.Time} in RFC3339Nano as Go marshals it (UTC, fraction without trailing zeros). */
    public static String time(Instant t) {
        return GoTime.formatRfc3339Nano(t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    /** Now, with the clock's full precision (Kapacitor stores Go's nanosecond {@code time.Now()}). */
    public static String now() {
        return time(Instant.now());
    }
}
