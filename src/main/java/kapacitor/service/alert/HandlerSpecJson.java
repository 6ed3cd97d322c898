package kapacitor.service.alert;

import com.fasterxml.jackson.databind.JsonNode;
import kapacitor.api.Json;

import java.util.Map;

/** Decodes a handler spec document with Go's encoding/json rules and error texts (unknown fields ignored). */
public final class HandlerSpecJson {
    private HandlerSpecJson() {
    }

    /**
     * {@code topicFromDocument}: a topic field in the document wins over {@code topic} (a patched spec); otherwise
     * the path's topic is used whatever the body says (create and replace).
     */
    public static HandlerSpec decode(JsonNode doc, String topic, boolean topicFromDocument) {
        if (doc == null || !doc.isObject()) {
            if (doc != null && doc.isNull()) {
                return new HandlerSpec("", topic, "", null, "");
            }
            throw new IllegalArgumentException("json: cannot unmarshal " + goKind(doc)
                + " into Go value of type alert.HandlerSpec");
        }
        String id = string(doc, "id");
        String kind = string(doc, "kind");
        String match = string(doc, "match");
        String docTopic = string(doc, "topic");
        JsonNode o = field(doc, "options");
        Map<String, Object> options = null;
        if (o != null && !o.isNull()) {
            if (!o.isObject()) {
                throw new IllegalArgumentException("json: cannot unmarshal " + goKind(o)
                    + " into Go struct field HandlerSpec.options of type map[string]interface {}");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.MAPPER.convertValue(o, Map.class);
            options = JsonValues.plain(m);
        }
        String t = topicFromDocument && field(doc, "topic") != null && !field(doc, "topic").isNull() ? docTopic : topic;
        return new HandlerSpec(id, t, kind, options, match);
    }

    /** encoding/json matches field names case-insensitively, preferring the exact name. */
    private static JsonNode field(JsonNode doc, String name) {
        JsonNode exact = doc.get(name);
        if (exact != null) {
            return exact;
        }
        var it = doc.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return doc.get(f);
            }
        }
        return null;
    }

    private static String string(JsonNode doc, String name) {
        JsonNode v = field(doc, name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("json: cannot unmarshal " + goKind(v)
                + " into Go struct field HandlerSpec." + name + " of type string");
        }
        return v.asText();
    }

    static String goKind(JsonNode n) {
        if (n == null) {
            return "null";
        }
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n.isTextual()) {
            return "string";
        }
        return "null";
    }
}
