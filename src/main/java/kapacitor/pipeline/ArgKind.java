package kapacitor.pipeline;

import java.util.List;

/**
 * The Go type a property or chaining-method parameter has in Kapacitor. TICKscript values are passed to Go by
 * reflection with no conversion (an int is not accepted where a float is expected), so acceptance is exact.
 * Kinds after {@link #ANY} exist only because Kapacitor exposes such fields to TICKscript; no script value can be
 * assigned to them, and trying gives Go's reflection error, which names the type.
 */
public enum ArgKind {
    STRING("string"),
    INT("int64"),
    FLOAT("float64"),
    BOOL("bool"),
    DURATION("time.Duration"),
    LAMBDA("*ast.LambdaNode"),
    REGEX("*regexp.Regexp"),
    STAR("*ast.StarNode"),
    /** A pipeline node (join/union arguments). */
    NODE("pipeline.Node"),
    /** Go interface{}: any value. */
    ANY("interface {}"),
    STRING_LIST("[]string"),
    LAMBDA_LIST("[]*ast.LambdaNode"),
    ANY_LIST("[]interface {}"),
    REDUCER("pipeline.ReduceCreater"),
    UDF_OPTIONS("[]*agent.Option");

    private final String goType;

    ArgKind(String goType) {
        this.goType = goType;
    }

    public String goType() {
        return goType;
    }

    public boolean accepts(Object value) {
        switch (this) {
            case STRING:
                return value instanceof String;
            case INT:
                return value instanceof Long;
            case FLOAT:
                return value instanceof Double;
            case BOOL:
                return value instanceof Boolean;
            case DURATION:
                return value instanceof DurationValue;
            case LAMBDA:
                return value instanceof LambdaValue;
            case REGEX:
                return value instanceof Regex;
            case STAR:
                return value instanceof Star;
            case NODE:
                return value instanceof TickObject;
            case ANY:
                return value != null;
            case ANY_LIST:
                return value instanceof List;
            default:
                return false;
        }
    }

    /** The Go type name Kapacitor's evaluator would have for a script value, as printed in its errors. */
    public static String goTypeOf(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Long) {
            return "int64";
        } else if (value instanceof Double) {
            return "float64";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof DurationValue) {
            return "time.Duration";
        } else if (value instanceof LambdaValue) {
            return "*ast.LambdaNode";
        } else if (value instanceof Regex) {
            return "*regexp.Regexp";
        } else if (value instanceof Star) {
            return "*ast.StarNode";
        } else if (value instanceof Reference) {
            return "*ast.ReferenceNode";
        } else if (value instanceof List) {
            return "[]interface {}";
        } else if (value instanceof TickObject) {
            return ((TickObject) value).goType();
        }
        return value == null ? "<nil>" : value.getClass().getSimpleName();
    }

    /** Converts Java conveniences to the canonical value types (Integer -> Long, java.time.Duration -> ...). */
    public static Object normalize(Object value) {
        if (value instanceof Integer) {
            return ((Integer) value).longValue();
        } else if (value instanceof Float) {
            return ((Float) value).doubleValue();
        } else if (value instanceof java.time.Duration) {
            return DurationValue.of((java.time.Duration) value);
        } else if (value instanceof List) {
            return ((List<?>) value).stream().map(ArgKind::normalize).toList();
        }
        return value;
    }
}
