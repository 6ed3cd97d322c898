package kapacitor.runtime.operator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a received JSON body with an expectation the way Kapacitor's fake services do: the body is decoded into
 * a Go struct, so only the struct's fields count and a missing field reads as its zero value; fields that are Go
 * maps (details, attributes, custom_details, data...) must be equal as a whole.
 */
final class GoDecoded {
    /** Fields that Kapacitor's test structs declare as maps or slices of maps: compared whole. */
    private static final Set<String> MAPS = Set.of("details", "attributes", "custom_details", "responders", "data",
        "metadata", "series");

    private GoDecoded() {
    }

    /** Null when {@code got} decodes to {@code expected}, else what differs. */
    static String diff(Object expected, Object got, String path) {
        expected = plain(expected);
        got = plain(got);
        if (expected instanceof Map<?, ?> e) {
            if (got != null && !(got instanceof Map)) {
                return path + ": expected an object, got " + got;
            }
            Map<?, ?> g = got == null ? Map.of() : (Map<?, ?>) got;
            for (Map.Entry<?, ?> en : e.entrySet()) {
                String key = String.valueOf(en.getKey());
                Object gv = g.get(key);
                String d = MAPS.contains(key) ? exact(en.getValue(), gv, path + "." + key)
                    : diff(en.getValue(), gv, path + "." + key);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected instanceof List<?> e) {
            List<?> g = got == null ? List.of() : got instanceof List<?> l ? l : null;
            if (g == null || g.size() != e.size()) {
                return path + ": expected " + e + ", got " + got;
            }
            for (int i = 0; i < e.size(); i++) {
                String d = diff(e.get(i), g.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return scalarEquals(expected, got) ? null : path + ": expected " + expected + ", got " + got;
    }

    private static String exact(Object expected, Object got, String path) {
        Object e = plain(expected);
        Object g = plain(got);
        if (e == null || g == null) {
            return e == g || isZero(e) && isZero(g) ? null : path + ": expected " + e + ", got " + g;
        }
        if (e instanceof Map<?, ?> em && g instanceof Map<?, ?> gm) {
            if (!em.keySet().equals(gm.keySet())) {
                return path + ": expected keys " + em.keySet() + ", got " + gm.keySet();
            }
            for (Object k : em.keySet()) {
                String d = exact(em.get(k), gm.get(k), path + "." + k);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e instanceof List<?> el && g instanceof List<?> gl) {
            if (el.size() != gl.size()) {
                return path + ": expected " + el + ", got " + gl;
            }
            for (int i = 0; i < el.size(); i++) {
                String d = exact(el.get(i), gl.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return scalarEquals(e, g) ? null : path + ": expected " + e + ", got " + g;
    }

    private static boolean scalarEquals(Object e, Object g) {
        if (g == null) {
            return isZero(e);
        }
        if (e instanceof Number en && g instanceof Number gn) {
            return en.doubleValue() == gn.doubleValue();
        }
        return e != null && e.equals(g);
    }

    private static boolean isZero(Object v) {
        return v == null || "".equals(v) || Boolean.FALSE.equals(v) || v instanceof Number n && n.doubleValue() == 0
            || v instanceof List<?> l && l.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty();
    }

    private static Object plain(Object v) {
        if (v instanceof JsonObject o) {
            return o.getMap();
        }
        if (v instanceof JsonArray a) {
            return a.getList();
        }
        return v;
    }

    /** Each expected request matches a different received one, in any order (Go's compareListIgnoreOrder). */
    static void assertMatchIgnoringOrder(List<?> expected, List<?> got) {
        if (expected.size() != got.size()) {
            fail("expected " + expected.size() + " requests, got " + got.size() + ": " + got);
        }
        List<Object> left = new ArrayList<>(got);
        for (Object e : expected) {
            List<String> diffs = new ArrayList<>();
            boolean found = false;
            for (int i = 0; i < left.size(); i++) {
                String d = diff(e, left.get(i), "");
                if (d == null) {
                    left.remove(i);
                    found = true;
                    break;
                }
                diffs.add(d);
            }
            if (!found) {
                fail("no request matches " + e + ": " + diffs);
            }
        }
    }
}
