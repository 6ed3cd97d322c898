package kapacitor.service.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.pipeline.DurationValue;
import kapacitor.util.Durations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's var conversions: request JSON to vars (client {@code Vars.UnmarshalJSON}), the service-level checks
 * ({@code convertToServiceVar}/{@code newVar}, with their error texts), the stored document and the response JSON.
 */
public final class TaskVars {
    /** A JSON number not yet converted, Go's {@code json.Number}: valid only where the type converts it. */
    record GoNumber(String text) {
    }

    private TaskVars() {
    }

    // ---- request JSON -> vars (any failure here is Kapacitor's "invalid JSON") ----

    /** Decodes a request's {@code vars}; throws {@link IllegalArgumentException} where Go's decoder fails. */
    public static Map<String, TaskVar> decodeRequest(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("vars must be an object");
        }
        Map<String, TaskVar> vars = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vars.put(e.getKey(), decodeRequestVar(e.getValue()));
        }
        return vars;
    }

    private static TaskVar decodeRequestVar(JsonNode node) {
        if (node == null || node.isNull()) {
            return new TaskVar("unknown", null, "");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("var must be an object");
        }
        String type = typeOf(GoJson.field(node, "type"), "unknown");
        JsonNode d = GoJson.field(node, "description");
        if (d != null && !d.isNull() && !d.isTextual()) {
            throw new IllegalArgumentException("description must be a string");
        }
        String description = d == null || d.isNull() ? "" : d.asText();
        Object value = raw(GoJson.field(node, "value"));
        if (value != null) {
            value = convertRequestValue(type, value);
        }
        return new TaskVar(type, value, description);
    }

    private static String typeOf(JsonNode t, String absent) {
        if (t == null || t.isNull()) {
            return absent;
        }
        if (!t.isTextual() || !TaskVar.TYPES.contains(t.asText())) {
            throw new IllegalArgumentException("unknown VarType " + t.asText());
        }
        return t.asText();
    }

    private static Object convertRequestValue(String type, Object value) {
        switch (type) {
            case "duration":
                if (value instanceof GoNumber n) {
                    return new DurationValue(parseLong(n));
                }
                if (value instanceof String s) {
                    return new DurationValue(Durations.parseNanos(s));
                }
                throw new IllegalArgumentException("expected int or string value");
            case "int":
                if (value instanceof GoNumber n) {
                    return parseLong(n);
                }
                throw new IllegalArgumentException("expected int value");
            case "float":
                if (value instanceof GoNumber n) {
                    return Double.parseDouble(n.text());
                }
                throw new IllegalArgumentException("expected float value");
            case "list":
                if (!(value instanceof List<?> items)) {
                    throw new IllegalArgumentException("expected list of vars");
                }
                List<TaskVar> list = new ArrayList<>();
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?> m)) {
                        throw new IllegalArgumentException("expected list of vars");
                    }
                    if (!m.containsKey("type") || !(m.get("type") instanceof String t) || !TaskVar.TYPES.contains(t)) {
                        throw new IllegalArgumentException("expected list type key in object");
                    }
                    if (!m.containsKey("value")) {
                        throw new IllegalArgumentException("expected list value key in object");
                    }
                    // Kapacitor keeps list items' values as decoded (numbers stay json.Number) and drops their
                    // descriptions.
                    list.add(new TaskVar(t, m.get("value"), ""));
                }
                return list;
            default:
                return value;
        }
    }

    private static long parseLong(GoNumber n) {
        try {
            return Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid int " + n.text());
        }
    }

    /** Go's {@code interface{}} decoding with {@code UseNumber}. */
    private static Object raw(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return new GoNumber(node.asText());
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(raw(n)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), raw(e.getValue())));
        return map;
    }

    // ---- service-level checks (Kapacitor's convertToServiceVars; texts are its own) ----

    /** Checks every var; throws {@link IllegalArgumentException} with {@code invalid var NAME: ...}. */
    public static Map<String, TaskVar> validate(Map<String, TaskVar> vars) {
        Map<String, TaskVar> out = new TreeMap<>();
        if (vars == null) {
            return out;
        }
        for (Map.Entry<String, TaskVar> e : vars.entrySet()) {
            try {
                out.put(e.getKey(), validate(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("invalid var " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static TaskVar validate(TaskVar v) {
        Object value = v.value();
        if ("list".equals(v.type())) {
            if (!(value instanceof List<?> items) || !items.stream().allMatch(i -> i instanceof TaskVar)) {
                throw new IllegalArgumentException("var has list type but value is not list, got " + goType(value));
            }
            List<TaskVar> checked = new ArrayList<>();
            for (Object item : items) {
                checked.add(validate((TaskVar) item));
            }
            return new TaskVar("list", checked, v.description());
        }
        if ("star".equals(v.type())) {
            return new TaskVar("star", null, v.description());
        }
        String actual;
        if (value instanceof Boolean) {
            actual = "bool";
        } else if (value instanceof Long) {
            actual = "int";
        } else if (value instanceof Double) {
            actual = "float";
        } else if (value instanceof DurationValue) {
            actual = "duration";
        } else if (value instanceof String) {
            if (!"lambda".equals(v.type()) && !"regex".equals(v.type()) && !"string".equals(v.type())) {
                throw new IllegalArgumentException("unexpected var type " + v.type() + ", value is a string");
            }
            actual = v.type();
        } else {
            throw new IllegalArgumentException("unsupported Var type " + goType(value) + ".");
        }
        if (!actual.equals(v.type())) {
            throw new IllegalArgumentException("mismatched type and value: " + goType(value) + " " + v.type());
        }
        return v;
    }

    /** Go's {@code %T} of a decoded value. */
    private static String goType(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof GoNumber) {
            return "json.Number";
        }
        if (value instanceof Map) {
            return "map[string]interface {}";
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty() && l.get(0) instanceof TaskVar ? "[]client.Var" : "[]interface {}";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof DurationValue) {
            return "time.Duration";
        }
        return "string";
    }

    // ---- stored document ----

    /** The stored form of checked vars: the client shape with durations in nanoseconds. */
    public static JsonObject toStored(Map<String, TaskVar> vars) {
        JsonObject out = new JsonObject();
        vars.forEach((name, v) -> out.put(name, storedVar(v)));
        return out;
    }

    private static JsonObject storedVar(TaskVar v) {
        Object value = v.value();
        if (value instanceof DurationValue d) {
            value = d.nanos();
        } else if (value instanceof List<?> items) {
            JsonArray a = new JsonArray();
            items.forEach(i -> a.add(storedVar((TaskVar) i)));
            value = a;
        }
        return new JsonObject().put("type", v.type()).put("value", value).put("description", v.description());
    }

    public static Map<String, TaskVar> fromStored(JsonObject stored) {
        Map<String, TaskVar> out = new TreeMap<>();
        if (stored != null) {
            stored.forEach(e -> out.put(e.getKey(), fromStoredVar((JsonObject) e.getValue())));
        }
        return out;
    }

    private static TaskVar fromStoredVar(JsonObject o) {
        String type = o.getString("type");
        Object value = o.getValue("value");
        switch (type) {
            case "int":
                value = ((Number) value).longValue();
                break;
            case "float":
                value = ((Number) value).doubleValue();
                break;
            case "duration":
                value = new DurationValue(((Number) value).longValue());
                break;
            case "list":
                List<TaskVar> items = new ArrayList<>();
                for (Object i : (JsonArray) value) {
                    items.add(fromStoredVar((JsonObject) i));
                }
                value = items;
                break;
            default:
                break;
        }
        return new TaskVar(type, value, o.getString("description", ""));
    }

    // ---- response JSON ----

    /** Vars as Kapacitor writes them: names sorted (a Go map), each {"type", "value", "description"}. */
    public static Map<String, Object> toClient(Map<String, TaskVar> vars) {
        Map<String, Object> out = new TreeMap<>();
        vars.forEach((name, v) -> out.put(name, clientVar(v)));
        return out;
    }

    private static Map<String, Object> clientVar(TaskVar v) {
        Object value = v.value();
        if (value instanceof DurationValue d) {
            value = d.nanos();
        } else if (value instanceof Double d) {
            value = goFloat(d);
        } else if (value instanceof List<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(i -> list.add(clientVar((TaskVar) i)));
            value = list;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", v.type());
        out.put("value", value);
        out.put("description", v.description());
        return out;
    }

    /** A float64 as Go's encoding/json prints it: no ".0", plain notation between 1e-6 and 1e21. */
    static RawValue goFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return new RawValue("null");
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String s = String.format("%s", d).toLowerCase().replace(".0e", "e");
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e);
            String exp = s.substring(e + 1);
            String sign = exp.startsWith("-") ? "-" : "+";
            String digits = exp.replace("-", "");
            if (digits.length() < 2) {
                digits = "0" + digits;
            }
            return new RawValue(mantissa + "e" + sign + digits);
        }
        return new RawValue(new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString());
    }
}
