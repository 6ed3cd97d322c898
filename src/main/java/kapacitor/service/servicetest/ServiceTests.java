package kapacitor.service.servicetest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registered testers and the rules of Kapacitor's servicetest service: listing by glob pattern, and overlaying
 * posted options on the defaults (unknown keys ignored, as encoding/json ignores them; a wrong type refused).
 */
public final class ServiceTests {
    /** A posted body that does not decode into the test options: answered 400 with this text. */
    public static final class DecodeException extends RuntimeException {
        public DecodeException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, ServiceTester> testers = new TreeMap<>();

    public ServiceTests(Collection<ServiceTester> all) {
        for (ServiceTester t : all) {
            if (testers.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("tester with name \"" + t.name() + "\" already exists");
            }
        }
    }

    /** Testers whose names match the pattern (Go's filepath.Match), sorted by name. */
    public List<ServiceTester> matching(String pattern) {
        GlobPattern glob = GlobPattern.compile(pattern.isEmpty() ? "*" : pattern);
        return testers.values().stream().filter(t -> glob.matches(t.name())).toList();
    }

    public ServiceTester get(String name) {
        return testers.get(name);
    }

    /** The defaults with the posted options laid over them. */
    public static JsonObject overlay(Map<String, Object> defaults, JsonObject posted) {
        JsonObject out = new JsonObject();
        defaults.forEach(out::put);
        if (posted == null) {
            return out;
        }
        for (String key : posted.fieldNames()) {
            if (!defaults.containsKey(key)) {
                continue;
            }
            Object d = defaults.get(key);
            Object v = posted.getValue(key);
            if (v != null && !compatible(d, v)) {
                throw new DecodeException("json: cannot unmarshal " + jsonType(v) + " into Go struct field "
                    + "testOptions." + key + " of type " + goType(d));
            }
            out.put(key, v);
        }
        return out;
    }

    private static boolean compatible(Object d, Object v) {
        if (d == null || d instanceof List || d instanceof JsonArray) {
            return v instanceof JsonArray;
        }
        if (d instanceof String) {
            return v instanceof String;
        }
        if (d instanceof Boolean) {
            return v instanceof Boolean;
        }
        if (d instanceof Number) {
            return v instanceof Number;
        }
        return v instanceof JsonObject;
    }

    private static String jsonType(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Number) {
            return "number";
        }
        return v instanceof JsonArray ? "array" : "object";
    }

    private static String goType(Object d) {
        if (d == null || d instanceof List) {
            return "[]string";
        }
        if (d instanceof String) {
            return "string";
        }
        if (d instanceof Boolean) {
            return "bool";
        }
        return d instanceof Number ? "int" : "map[string]interface {}";
    }
}
