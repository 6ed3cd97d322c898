package kapacitor.service.alert;

import kapacitor.util.GoQuote;

import io.vertx.core.json.JsonObject;
import kapacitor.store.HandlerSpecRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A handler defined over the API on a topic (Kapacitor's alert.HandlerSpec). {@code options} is the decoded JSON
 * object, null when the client sent none (Go's nil map, shown as {@code null}).
 */
public record HandlerSpec(String id, String topic, String kind, Map<String, Object> options, String match) {
    private static final Pattern VALID_HANDLER_ID = Pattern.compile("^[-._\\p{L}0-9]+$");
    private static final Pattern VALID_TOPIC_ID = Pattern.compile("^[-:._\\p{L}0-9]+$");

    /** Kapacitor's HandlerSpec.Validate texts (the topic message names the handler id, as Kapacitor's does). */
    public void validate() {
        if (!VALID_TOPIC_ID.matcher(topic).matches()) {
            throw new IllegalArgumentException("handler topic must contain only letters, numbers, '-', '.' and '_'. "
                + GoQuote.quote(id));
        }
        if (!VALID_HANDLER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("handler ID must contain only letters, numbers, '-', '.' and '_'. "
                + GoQuote.quote(id));
        }
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("handler Kind must not be empty");
        }
    }

    public HandlerSpecRecord toRecord(long version) {
        JsonObject data = new JsonObject().put("options", options == null ? null : new JsonObject(options))
            .put("match", match);
        return new HandlerSpecRecord(topic, id, kind, version, data);
    }

    public static HandlerSpec fromRecord(HandlerSpecRecord r) {
        JsonObject o = r.data().getJsonObject("options");
        Map<String, Object> options = o == null ? null : new LinkedHashMap<>(o.getMap());
        return new HandlerSpec(r.id(), r.topic(), r.kind(), options == null ? null : JsonValues.plain(options),
            r.data().getString("match", ""));
    }
}
