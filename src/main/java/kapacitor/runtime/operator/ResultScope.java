package kapacitor.runtime.operator;

import kapacitor.tick.expr.Scope;
import kapacitor.tick.expr.ValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A point's scope with the results of earlier eval() expressions laid over it, as Kapacitor's vars.Set does. */
final class ResultScope implements Scope {
    private final Map<String, Object> results = new LinkedHashMap<>();
    private Scope point;

    ResultScope reset(Scope pointScope) {
        this.point = pointScope;
        return this;
    }

    void clear() {
        results.clear();
    }

    void put(String name, Object value) {
        results.put(name, value);
    }

    boolean has(String name) {
        return results.containsKey(name);
    }

    Object result(String name) {
        return results.get(name);
    }

    @Override
    public ValueType type(String name) {
        Object v = results.get(name);
        return v != null ? ValueType.of(v) : point.type(name);
    }

    @Override
    public double getFloat(String name) {
        Object v = results.get(name);
        return v != null ? (Double) v : point.getFloat(name);
    }

    @Override
    public long getInt(String name) {
        Object v = results.get(name);
        return v != null ? (Long) v : point.getInt(name);
    }

    @Override
    public long getNanos(String name) {
        Object v = results.get(name);
        return v instanceof Duration d ? d.toNanos() : point.getNanos(name);
    }

    @Override
    public String getString(String name) {
        Object v = results.get(name);
        return v != null ? (String) v : point.getString(name);
    }

    @Override
    public boolean getBool(String name) {
        Object v = results.get(name);
        return v != null ? (Boolean) v : point.getBool(name);
    }

    @Override
    public Pattern getRegex(String name) {
        return point.getRegex(name);
    }

    @Override
    public Object get(String name) {
        Object v = results.get(name);
        return v != null ? v : point.get(name);
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(point.names());
        results.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }
}
