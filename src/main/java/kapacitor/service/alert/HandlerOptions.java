package kapacitor.service.alert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a handler's options the way Kapacitor's mapstructure decoding does: keys match case-insensitively, a key the
 * kind does not know or a value of the wrong type fails the whole decode with mapstructure's error list.
 */
final class HandlerOptions {
    private final String configType;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> errors = new ArrayList<>();

    /** {@code configType}: the Go type named in errors, e.g. {@code *alert.TCPHandlerConfig}. */
    HandlerOptions(String configType, Map<String, Object> options) {
        this.configType = configType;
        if (options != null) {
            options.forEach((k, v) -> this.options.put(k, v));
        }
    }

    private Object raw(String key) {
        for (Map.Entry<String, Object> e : options.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(key)) {
                used.add(e.getKey());
                return e.getValue();
            }
        }
        return null;
    }

    String string(String key) {
        Object v = raw(key);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        mismatch(key, "string", v);
        return "";
    }

    boolean bool(String key) {
        Object v = raw(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        mismatch(key, "bool", v);
        return false;
    }

    /** A Go integer (time.Duration, os.FileMode...): JSON numbers must be whole. */
    long integer(String key, String goType, long fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Long l) {
            return l;
        }
        mismatch(key, goType, v);
        return fallback;
    }

    List<String> strings(String key) {
        Object v = raw(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            mismatch(key, "[]string", v);
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Object x = list.get(i);
            if (x instanceof String s) {
                out.add(s);
            } else {
                mismatch(key + "[" + i + "]", "string", x);
            }
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Object v = raw(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            mismatch(key, "map[string]string", v);
            return out;
        }
        m.forEach((k, x) -> {
            if (x instanceof String s) {
                out.put(String.valueOf(k), s);
            } else {
                mismatch(key + "[" + k + "]", "string", x);
            }
        });
        return out;
    }

    private void mismatch(String key, String want, Object v) {
        errors.add("'" + key + "' expected type '" + want + "', got unconvertible type '" + goType(v) + "'");
    }

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
        if (v instanceof List) {
            return "[]interface {}";
        }
        return "map[string]interface {}";
    }

    /** Fails with mapstructure's text if any key was unknown or any value had the wrong type. */
    void finish() {
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(used);
        List<String> all = new ArrayList<>(errors);
        if (!unknown.isEmpty()) {
            all.add("'' has invalid keys: " + String.join(", ", unknown));
        }
        if (all.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("failed to decode options into ").append(configType).append(": ")
            .append(all.size()).append(" error(s) decoding:\n");
        for (String e : all) {
            b.append("\n* ").append(e);
        }
        throw new IllegalArgumentException(b.toString());
    }
}
