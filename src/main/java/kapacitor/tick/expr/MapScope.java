package kapacitor.tick.expr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A scope over boxed values (batch rows, join results, values computed by earlier expressions). In lenient mode an
 * unknown name is missing, as when Kapacitor fills a scope from a point; in strict mode it is undefined.
 */
public final class MapScope implements Scope {
    private final Map<String, ?> values;
    private final boolean strict;

    private MapScope(Map<String, ?> values, boolean strict) {
        this.values = values;
        this.strict = strict;
    }

    /** Unknown names are {@link ValueType#MISSING}. */
    public static MapScope of(Map<String, ?> values) {
        return new MapScope(values, false);
    }

    /** Unknown names are undefined: evaluating them fails with "name ... is undefined". */
    public static MapScope strict(Map<String, ?> values) {
        return new MapScope(values, true);
    }

    @Override
    public ValueType type(String name) {
        Object v = values.get(name);
        if (v == null) {
            return strict ? null : ValueType.MISSING;
        }
        return ValueType.of(v);
    }

    @Override
    public double getFloat(String name) {
        return (Double) values.get(name);
    }

    @Override
    public long getInt(String name) {
        return (Long) values.get(name);
    }

    @Override
    public long getNanos(String name) {
        Object v = values.get(name);
        if (v instanceof Duration d) {
            return Values.durationNanos(d);
        }
        Instant t = (Instant) v;
        return Values.instantNanos(t);
    }

    @Override
    public String getString(String name) {
        return (String) values.get(name);
    }

    @Override
    public boolean getBool(String name) {
        return (Boolean) values.get(name);
    }

    @Override
    public Pattern getRegex(String name) {
        return (Pattern) values.get(name);
    }

    @Override
    public Object get(String name) {
        Object v = values.get(name);
        return v == null && !strict ? Missing.VALUE : v;
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }
}
