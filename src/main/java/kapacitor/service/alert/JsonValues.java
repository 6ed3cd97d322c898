package kapacitor.service.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Option values as Go's {@code map[string]interface{}} holds them: maps with sorted keys (encoding/json sorts map
 * keys), lists, strings, booleans and numbers (float64 in Go: whole numbers are kept as longs so they print as Go
 * prints them, without Java's {@code 1.0E8}).
 */
final class JsonValues {
    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(Map<String, ?> m) {
        return (Map<String, Object>) plainValue(m);
    }

    static Object plainValue(Object v) {
        if (v instanceof JsonObject o) {
            return plainValue(o.getMap());
        }
        if (v instanceof JsonArray a) {
            return plainValue(a.getList());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plainValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(plainValue(x)));
            return out;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e21 ? (Object) (long) d : (Object) d;
        }
        return v;
    }
}
