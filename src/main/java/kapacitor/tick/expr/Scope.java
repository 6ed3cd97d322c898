package kapacitor.tick.expr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names an expression can reference. {@link #type} is always asked first; the typed getters are then called
 * for the same name with a matching type, so an implementation may remember the last lookup and answer them without
 * searching again. Scopes are single-threaded and reused from one evaluation to the next.
 */
public interface Scope {
    /**
     * The type bound to {@code name}: {@link ValueType#MISSING} when the name is referenced but has no value,
     * null when the scope does not know the name at all (Kapacitor's "is undefined" error).
     */
    ValueType type(String name);

    double getFloat(String name);

    long getInt(String name);

    /** Epoch nanoseconds for TIME, nanoseconds for DURATION. */
    long getNanos(String name);

    String getString(String name);

    boolean getBool(String name);

    Pattern getRegex(String name);

    /**
     * The boxed value: Double, Long, String, Boolean, Pattern, java.time.Instant, java.time.Duration or
     * {@link Missing#VALUE}; null when unknown. Values of other classes have type {@link ValueType#INVALID}.
     */
    Object get(String name);

    /** The names the scope holds, for error messages ("Names in scope", "values in scope are"). */
    List<String> names();
}
