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

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }
}
