package kapacitor.tick.expr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;

/**
 * A point seen the way Kapacitor fills a scope for a lambda: {@code "time"} is the point time, any other name is a
 * field, else a tag, else an extra value if given, else missing; a name that is both field and tag is an error. One instance is reused per
 * expression: {@link #reset} swaps the point, and the last lookup is remembered so a typed read after
 * {@link #type} costs no second search.
 */
public final class PointScope implements Scope {
    private static final int NONE = 0;
    private static final int FIELD = 1;
    private static final int TAG = 2;
    private static final int TIME = 3;
    private static final int ABSENT = 4;
    private static final int EXTRA = 5;

    private final List<String> references;
    private Point point;
    private String lastName;
    private int lastKind;
    private int lastIndex;
    private String lastTag;
    private Map<String, ?> extra;
    private Object lastExtra;

    /** {@code references} are the names the expression uses; they are what error messages list as in scope. */
    public PointScope(List<String> references) {
        this.references = List.copyOf(references);
    }

    public PointScope reset(Point p) {
        return reset(p, null);
    }

    /**
     * Like {@link #reset(Point)}, with values for names the point has neither as field nor as tag (values an eval
     * node computed from earlier expressions, as Kapacitor keeps them in its scope). Same boxed types as
     * {@link Scope#get}; null for none.
     */
    public PointScope reset(Point p, Map<String, ?> extraValues) {
        this.point = p;
        this.extra = extraValues;
        this.lastName = null;
        this.lastKind = NONE;
        return this;
    }

    public Point point() {
        return point;
    }

    private void find(String name) {
        if (name == lastName) {
            return;
        }
        lastName = name;
        if (name.equals("time")) {
            lastKind = TIME;
            return;
        }
        Fields fields = point.fields();
        int i = fields.indexOf(name);
        Tags tags = point.tags();
        String tag = tags.isEmpty() ? null : tags.get(name);
        if (i >= 0) {
            if (tag != null) {
                lastName = null;
                throw new ExprException("cannot have field and tags with same name \"" + name + "\"");
            }
            lastKind = FIELD;
            lastIndex = i;
        } else if (tag != null) {
            lastKind = TAG;
            lastTag = tag;
        } else if (extra != null && (lastExtra = extra.get(name)) != null) {
            lastKind = EXTRA;
        } else {
            lastKind = ABSENT;
        }
    }

    @Override
    public ValueType type(String name) {
        find(name);
        switch (lastKind) {
            case FIELD:
                return fieldType(point.fields().type(lastIndex));
            case TAG:
                return ValueType.STRING;
            case TIME:
                return ValueType.TIME;
            case EXTRA:
                return ValueType.of(lastExtra);
            default:
                return ValueType.MISSING;
        }
    }

    private static ValueType fieldType(byte t) {
        switch (t) {
            case Fields.FLOAT:
                return ValueType.FLOAT;
            case Fields.INTEGER:
            case Fields.UNSIGNED:
                return ValueType.INT;
            case Fields.STRING:
                return ValueType.STRING;
            default:
                return ValueType.BOOL;
        }
    }

    @Override
    public double getFloat(String name) {
        find(name);
        return lastKind == EXTRA ? (Double) lastExtra : point.fields().doubleAt(lastIndex);
    }

    @Override
    public long getInt(String name) {
        find(name);
        return lastKind == EXTRA ? (Long) lastExtra : point.fields().longAt(lastIndex);
    }

    @Override
    public long getNanos(String name) {
        find(name);
        if (lastKind == EXTRA) {
            return lastExtra instanceof Duration d ? Values.durationNanos(d) : Values.instantNanos((Instant) lastExtra);
        }
        return point.time();
    }

    @Override
    public String getString(String name) {
        find(name);
        if (lastKind == EXTRA) {
            return (String) lastExtra;
        }
        return lastKind == TAG ? lastTag : point.fields().stringAt(lastIndex);
    }

    @Override
    public boolean getBool(String name) {
        find(name);
        return lastKind == EXTRA ? (Boolean) lastExtra : point.fields().booleanAt(lastIndex);
    }

    @Override
    public Pattern getRegex(String name) {
        find(name);
        if (lastKind == EXTRA && lastExtra instanceof Pattern p) {
            return p;
        }
        throw new TypeGuardException(ValueType.REGEX, type(name));
    }

    @Override
    public Object get(String name) {
        find(name);
        switch (lastKind) {
            case FIELD:
                return point.fields().valueAt(lastIndex);
            case TAG:
                return lastTag;
            case TIME:
                return Instant.ofEpochSecond(0, point.time());
            case EXTRA:
                return lastExtra;
            default:
                return Missing.VALUE;
        }
    }

    @Override
    public List<String> names() {
        return references;
    }
}
