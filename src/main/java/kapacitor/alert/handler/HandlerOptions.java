package kapacitor.alert.handler;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A handler's options, checked against its kind as Kapacitor's mapstructure decoding checks them: unknown keys and
 * values of the wrong type fail with an {@link IllegalArgumentException} in mapstructure's words.
 */
public final class HandlerOptions {
    private final Map<String, Object> values;

    private HandlerOptions(Map<String, Object> values) {
        this.values = values;
    }

    public static HandlerOptions parse(HandlerKind kind, JsonObject json) {
        if (kind.goConfig() == null) {
            // Kinds without a handler config (talk) never decode their options: anything is accepted.
            return new HandlerOptions(Map.of());
        }
        Map<String, Object> values = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : json == null ? List.<String>of() : json.fieldNames()) {
            HandlerOption opt = kind.option(key);
            if (opt == null) {
                unknown.add(key);
                continue;
            }
            Object v = json.getValue(key);
            if (v == null) {
                continue;
            }
            Object converted = convert(opt, v);
            if (converted == null) {
                errors.add("'" + opt.name() + "' expected type '" + opt.type().goName() + "', got unconvertible type '"
                    + goType(v) + "'");
            } else {
                values.put(opt.name(), converted);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add("'' has invalid keys: " + String.join(", ", unknown));
        }
        if (!errors.isEmpty()) {
            StringBuilder b = new StringBuilder("failed to decode options into *").append(kind.goConfig())
                .append(": ").append(errors.size()).append(" error(s) decoding:\n");
            errors.forEach(e -> b.append("\n* ").append(e));
            throw new IllegalArgumentException(b.toString());
        }
        return new HandlerOptions(values);
    }

    private static Object convert(HandlerOption opt, Object v) {
        switch (opt.type()) {
            case STRING:
                return v instanceof String ? v : null;
            case BOOL:
                return v instanceof Boolean ? v : null;
            case INT:
                if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return n.longValue();
                }
                return null;
            case MQTT_QOS:
                if (v instanceof Number n) {
                    return n.longValue();
                }
                if (v instanceof String s) {
                    int q = MqttPublisher.qosOf(s);
                    if (q < 0) {
                        throw new IllegalArgumentException("failed to decode options: invalid QoS level " + s);
                    }
                    return (long) q;
                }
                return null;
            case DURATION:
                // time.Duration is an int64 to mapstructure: a number of nanoseconds, never a "24h" string.
                return v instanceof Number n ? n.longValue() : null;
            case MAP:
                return v instanceof JsonObject o
                    ? Collections.unmodifiableMap(new java.util.LinkedHashMap<>(o.getMap())) : null;
            case PD_LINKS:
            case SNMP_DATA:
                return structList(opt, v);
            case STRING_LIST:
                if (!(v instanceof JsonArray a)) {
                    return null;
                }
                List<String> out = new ArrayList<>();
                for (Object o : a) {
                    if (!(o instanceof String s)) {
                        return null;
                    }
                    out.add(s);
                }
                return Collections.unmodifiableList(out);
            default:
                return null;
        }
    }

    /** A list of string-field structs: each element an object of only those fields, as strings. */
    private static Object structList(HandlerOption opt, Object v) {
        if (!(v instanceof JsonArray a)) {
            return null;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof JsonObject o)) {
                return null;
            }
            Map<String, String> element = new java.util.LinkedHashMap<>();
            TreeSet<String> unknown = new TreeSet<>();
            for (String k : o.fieldNames()) {
                if (!opt.type().fields().contains(k)) {
                    unknown.add(k);
                } else if (o.getValue(k) instanceof String s) {
                    element.put(k, s);
                } else if (o.getValue(k) != null) {
                    throw new IllegalArgumentException("failed to decode options: '" + opt.name() + "[" + i + "]."
                        + k + "' expected type 'string', got unconvertible type '" + goType(o.getValue(k)) + "'");
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("failed to decode options: '" + opt.name() + "[" + i
                    + "]' has invalid keys: " + String.join(", ", unknown));
            }
            out.add(Collections.unmodifiableMap(element));
        }
        return Collections.unmodifiableList(out);
    }

    /** The Go type encoding/json decodes a JSON value into, as mapstructure names it. */
    private static String goType(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Number) {
            return "float64";
        }
        if (v instanceof JsonArray) {
            return "[]interface {}";
        }
        return "map[string]interface {}";
    }

    public String string(String name) {
        Object v = values.get(name);
        return v == null ? "" : (String) v;
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    public long integer(String name) {
        Object v = values.get(name);
        return v == null ? 0L : (Long) v;
    }

    /** A duration option in nanoseconds, or the fallback when it was not given. */
    public long duration(String name, long fallback) {
        Object v = values.get(name);
        return v == null ? fallback : (Long) v;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, String>> structs(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<Map<String, String>>) v;
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }
}
