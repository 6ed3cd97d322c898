package kapacitor.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Property values of a node or alert handler, in the order first set. Every call is kept: fields are replaced
 * (one call), property methods are recorded per call so accumulating ones ({@code .tag(k, v)}) keep all pairs.
 * Names are Go names; lookups accept the TICKscript spelling too ({@code period} finds {@code Period}).
 */
public abstract class PropertyHolder implements TickObject {

    private final Map<String, List<List<Object>>> calls = new LinkedHashMap<>();

    /** Names of properties that were set (by the script, the creating chain method or a default). */
    public Set<String> propertyNames() {
        return Collections.unmodifiableSet(calls.keySet());
    }

    public boolean has(String name) {
        return calls.containsKey(NodeSpecs.goName(name));
    }

    /** Every call's arguments, in call order; empty if never set. */
    public List<List<Object>> calls(String name) {
        List<List<Object>> c = calls.get(NodeSpecs.goName(name));
        return c == null ? List.of() : Collections.unmodifiableList(c);
    }

    /** The last call's arguments; empty if never set. */
    public List<Object> values(String name) {
        List<List<Object>> c = calls.get(NodeSpecs.goName(name));
        return c == null ? List.of() : c.get(c.size() - 1);
    }

    /** The last call's first argument, or null. */
    public Object value(String name) {
        List<Object> v = values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    public <T> T value(String name, Class<T> type) {
        Object v = value(name);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    public String stringValue(String name) {
        String s = value(name, String.class);
        return s == null ? "" : s;
    }

    public long longValue(String name) {
        Long l = value(name, Long.class);
        return l == null ? 0L : l;
    }

    public double doubleValue(String name) {
        Double d = value(name, Double.class);
        return d == null ? 0.0 : d;
    }

    public long durationNanos(String name) {
        DurationValue d = value(name, DurationValue.class);
        return d == null ? 0L : d.nanos();
    }

    /** Arguments of all calls concatenated (for accumulating variadic methods such as {@code .endpoint()}). */
    public List<Object> allValues(String name) {
        List<Object> all = new ArrayList<>();
        calls(name).forEach(all::addAll);
        return all;
    }

    /** Replaces the property with a single call. */
    void set(String goName, Object... values) {
        List<List<Object>> c = new ArrayList<>();
        c.add(List.of(values));
        calls.put(goName, c);
    }

    void setList(String goName, List<Object> values) {
        List<List<Object>> c = new ArrayList<>();
        c.add(Collections.unmodifiableList(new ArrayList<>(values)));
        calls.put(goName, c);
    }

    void addCall(String goName, List<Object> values) {
        calls.computeIfAbsent(goName, k -> new ArrayList<>())
            .add(Collections.unmodifiableList(new ArrayList<>(values)));
    }
}
