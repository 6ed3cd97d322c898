package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.util.Durations;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a JSON value from an override into an option's type the way Kapacitor's weakCopyValue does: numbers
 * convert between numeric types (truncating), strings parse into numbers, durations parse from text, slices and
 * maps convert element by element, structs decode from maps; anything else is refused with Kapacitor's text.
 */
final class WeakCopy {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WeakCopy() {
    }

    static JsonNode convert(JsonNode src, OptionType type, JsonNode current) {
        String srcKind = goKind(src);
        switch (type) {
            case STRING:
                if (src != null && src.isTextual()) {
                    return src;
                }
                throw wrongKind(srcKind, "string");
            case BOOL:
                if (src != null && src.isBoolean()) {
                    return src;
                }
                throw wrongKind(srcKind, "bool");
            case INT:
            case FLOAT:
                return number(src, type);
            case DURATION:
                return duration(src);
            case STRING_LIST:
                return stringList(src);
            case STRING_MAP:
            case STRING_LIST_MAP:
                return map(src, type);
            case STRUCT:
                return struct(src, current);
            default:
                throw new IllegalStateException("unhandled option type " + type);
        }
    }

    private static JsonNode number(JsonNode src, OptionType type) {
        String dst = type.goKind();
        if (src == null || src.isNull()) {
            // Kapacitor's reflection panics on a JSON null here and reports the recovered panic.
            throw new OverrideException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (src.isNumber()) {
            return type == OptionType.INT ? NODES.numberNode((long) src.doubleValue())
                : NODES.numberNode(src.doubleValue());
        }
        if (!src.isTextual()) {
            throw new OverrideException("cannot convert " + goKind(src) + " into " + dst);
        }
        String text = src.asText();
        try {
            if (type == OptionType.INT) {
                return NODES.numberNode(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith("d") || lower.endsWith("f") || !text.equals(text.strip())) {
                throw new NumberFormatException(text);
            }
            return NODES.numberNode(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new OverrideException("cannot convert string \"" + text + "\" into " + dst);
        }
    }

    private static JsonNode duration(JsonNode src) {
        if (src == null || src.isNull()) {
            throw new OverrideException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (!src.isTextual()) {
            throw new OverrideException("cannot unmarshal " + goKind(src) + " into int64");
        }
        try {
            return NODES.textNode(Durations.formatNanos(Durations.parseNanos(src.asText())));
        } catch (IllegalArgumentException e) {
            // Kapacitor drops this error (a missing return) and keeps the old value; refusing is the useful reading.
            throw new OverrideException("failed to unmarshal text: " + e.getMessage());
        }
    }

    private static JsonNode stringList(JsonNode src) {
        if (src == null || !src.isArray()) {
            throw wrongKind(goKind(src), "slice");
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode item : src) {
            if (item == null || !item.isTextual()) {
                throw new OverrideException("failed to copy slice value: "
                    + wrongKind(goKind(item), "string").getMessage());
            }
            out.add(item);
        }
        return out;
    }

    private static JsonNode map(JsonNode src, OptionType type) {
        if (src == null || !src.isObject()) {
            throw wrongKind(goKind(src), "map");
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = src.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            try {
                out.set(e.getKey(), type == OptionType.STRING_MAP ? convert(v, OptionType.STRING, null)
                    : stringList(v));
            } catch (OverrideException ex) {
                throw new OverrideException("failed to copy map value: " + ex.getMessage());
            }
        }
        return out;
    }

    /** mapstructure's decode: field names match case-insensitively, unknown keys are an error. */
    private static JsonNode struct(JsonNode src, JsonNode current) {
        if (src == null || !src.isObject()) {
            throw wrongKind(goKind(src), "struct");
        }
        ObjectNode out = current instanceof ObjectNode o ? o.deepCopy() : NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = src.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = fieldFor(out, e.getKey());
            if (field == null) {
                throw new OverrideException("failed to decode options into struct: 1 error(s) decoding:\n\n* '' has "
                    + "invalid keys: " + e.getKey());
            }
            JsonNode old = out.get(field);
            JsonNode v = e.getValue();
            if (old != null && old.isTextual() && (v == null || !v.isTextual())) {
                throw new OverrideException("failed to decode options into struct: 1 error(s) decoding:\n\n* '"
                    + field + "' expected type 'string', got unconvertible type '" + goType(v) + "'");
            }
            out.set(field, v == null ? NODES.nullNode() : v);
        }
        return out;
    }

    private static String fieldFor(ObjectNode struct, String key) {
        for (Iterator<String> it = struct.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        return null;
    }

    private static OverrideException wrongKind(String srcKind, String dstKind) {
        return new OverrideException("wrong kind " + srcKind + ", expected value of kind " + dstKind + ": false");
    }

    /** The reflect.Kind Go gives a value decoded from JSON into interface{}. */
    static String goKind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "invalid";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isNumber()) {
            return "float64";
        }
        return v.isArray() ? "slice" : "map";
    }

    /** Go's %T of a value decoded from JSON into interface{}. */
    static String goType(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "<nil>";
        }
        if (v.isArray()) {
            return "[]interface {}";
        }
        if (v.isObject()) {
            return "map[string]interface {}";
        }
        return goKind(v);
    }
}
