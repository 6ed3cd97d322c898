package kapacitor.alert.template;

import java.util.List;
import java.util.Map;

/** text/template's built-in functions and Go's truth rules. */
final class Funcs {
    private Funcs() {
    }

    static boolean truth(Object v) {
        if (v == null || v == GoValues.NO_VALUE) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof GoValues.Duration d) {
            return d.nanos() != 0;
        }
        return true;
    }

    static String typeName(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof GoValues.Time) {
            return "time.Time";
        }
        if (v instanceof GoValues.Duration) {
            return "time.Duration";
        }
        if (v instanceof GoStruct s) {
            return s.typeName();
        }
        return "interface {}";
    }

    static Object call(String fn, List<Object> a) {
        switch (fn) {
            case "and": {
                Object last = null;
                for (Object o : a) {
                    last = o;
                    if (!truth(o)) {
                        return o;
                    }
                }
                return last;
            }
            case "or": {
                Object last = null;
                for (Object o : a) {
                    last = o;
                    if (truth(o)) {
                        return o;
                    }
                }
                return last;
            }
            case "not":
                arity(a, 1);
                return !truth(a.get(0));
            case "len": {
                arity(a, 1);
                Object o = a.get(0);
                if (o instanceof String s) {
                    return (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
                if (o instanceof Map<?, ?> m) {
                    return (long) m.size();
                }
                if (o instanceof List<?> l) {
                    return (long) l.size();
                }
                throw new IllegalArgumentException("len of type " + typeName(o));
            }
            case "index":
                return index(a);
            case "print":
                return sprint(a);
            case "println": {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        b.append(' ');
                    }
                    GoValues.print(b, a.get(i));
                }
                return b.append('\n').toString();
            }
            case "printf":
                if (a.isEmpty()) {
                    throw new IllegalArgumentException("wrong number of args for printf: want at least 1 got 0");
                }
                return Printf.format(String.valueOf(a.get(0)), a.subList(1, a.size()));
            case "html":
                return HtmlEscape.escape(sprint(a));
            case "urlquery":
                return java.net.URLEncoder.encode(sprint(a), java.nio.charset.StandardCharsets.UTF_8);
            case "js":
                return sprint(a).replace("\\", "\\\\").replace("'", "\\'").replace("\"", "\\\"");
            case "eq": {
                if (a.size() < 2) {
                    throw new IllegalArgumentException("missing argument for comparison");
                }
                for (int i = 1; i < a.size(); i++) {
                    if (compare(a.get(0), a.get(i)) == 0) {
                        return true;
                    }
                }
                return false;
            }
            case "ne":
                arity(a, 2);
                return compare(a.get(0), a.get(1)) != 0;
            case "lt":
                arity(a, 2);
                return ordered(a.get(0), a.get(1)) < 0;
            case "le":
                arity(a, 2);
                return ordered(a.get(0), a.get(1)) <= 0;
            case "gt":
                arity(a, 2);
                return ordered(a.get(0), a.get(1)) > 0;
            case "ge":
                arity(a, 2);
                return ordered(a.get(0), a.get(1)) >= 0;
            default:
                throw new IllegalArgumentException("function \"" + fn + "\" not defined");
        }
    }

    /** fmt.Sprint: a space between operands when neither is a string. */
    private static String sprint(List<Object> a) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            if (i > 0 && !(a.get(i) instanceof String) && !(a.get(i - 1) instanceof String)) {
                b.append(' ');
            }
            GoValues.print(b, a.get(i));
        }
        return b.toString();
    }

    private static Object index(List<Object> a) {
        if (a.isEmpty()) {
            throw new IllegalArgumentException("wrong number of args for index: want at least 1 got 0");
        }
        Object v = a.get(0);
        for (int i = 1; i < a.size(); i++) {
            Object k = a.get(i);
            if (v instanceof Map<?, ?> m) {
                // A missing key yields the zero value of the element type: "" for Kapacitor's tag maps.
                Object r = m.get(String.valueOf(k));
                v = r == null ? (m.isEmpty() || m.values().iterator().next() instanceof String ? "" : null) : r;
            } else if (v instanceof List<?> l && k instanceof Long n) {
                if (n < 0 || n >= l.size()) {
                    throw new IllegalArgumentException("index out of range: " + n);
                }
                v = l.get(n.intValue());
            } else if (v == null || v == GoValues.NO_VALUE) {
                throw new IllegalArgumentException("index of untyped nil");
            } else {
                throw new IllegalArgumentException("can't index item of type " + typeName(v));
            }
        }
        return v;
    }

    private static void arity(List<Object> a, int n) {
        if (a.size() != n) {
            throw new IllegalArgumentException("wrong number of args: want " + n + " got " + a.size());
        }
    }

    private static int compare(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            return ordered(x, y);
        }
        if (x == null || y == null) {
            return x == y ? 0 : 1;
        }
        if (x.getClass() != y.getClass()) {
            throw new IllegalArgumentException("incompatible types for comparison");
        }
        return x.equals(y) ? 0 : 1;
    }

    private static int ordered(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        if (x instanceof Double a && y instanceof Double b) {
            return Double.compare(a, b);
        }
        if (x instanceof String a && y instanceof String b) {
            return a.compareTo(b);
        }
        if (x instanceof Number || y instanceof Number) {
            throw new IllegalArgumentException("incompatible types for comparison");
        }
        throw new IllegalArgumentException("invalid type for comparison");
    }
}
