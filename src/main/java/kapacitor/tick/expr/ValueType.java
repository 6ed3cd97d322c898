package kapacitor.tick.expr;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Kapacitor's expression value types; {@link #toString()} is the name its error messages print. */
public enum ValueType {
    INVALID("invalid type"),
    FLOAT("float"),
    INT("int"),
    STRING("string"),
    BOOL("boolean"),
    REGEX("regex"),
    TIME("time"),
    DURATION("duration"),
    MISSING("missing");

    private final String text;

    ValueType(String text) {
        this.text = text;
    }

    /** The type of a boxed expression value: Double, Long, String, Boolean, Pattern, Instant, Duration, Missing. */
    public static ValueType of(Object v) {
        if (v instanceof Double) {
            return FLOAT;
        }
        if (v instanceof Long) {
            return INT;
        }
        if (v instanceof String) {
            return STRING;
        }
        if (v instanceof Boolean) {
            return BOOL;
        }
        if (v instanceof Pattern) {
            return REGEX;
        }
        if (v instanceof Instant) {
            return TIME;
        }
        if (v instanceof Duration) {
            return DURATION;
        }
        if (v instanceof Missing) {
            return MISSING;
        }
        return INVALID;
    }

    /** Go's {@code %T} spelling of a value of this type, used by messages that print Go type names. */
    String goTypeName() {
        switch (this) {
            case FLOAT:
                return "float64";
            case INT:
                return "int64";
            case STRING:
                return "string";
            case BOOL:
                return "bool";
            case REGEX:
                return "*regexp.Regexp";
            case TIME:
                return "time.Time";
            case DURATION:
                return "time.Duration";
            case MISSING:
                return "*ast.Missing";
            default:
                return "<nil>";
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
