package kapacitor.tick.eval;

import java.util.List;
import java.util.Locale;

import kapacitor.pipeline.ArgKind;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.LambdaValue;
import kapacitor.pipeline.Regex;
import kapacitor.pipeline.Star;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.LambdaNode;

/** Go's formatting of values as Kapacitor's evaluator prints them in error texts (%q, %T, %v). */
final class GoText {

    private GoText() {
    }

    /** Go's %T of an evaluator value. */
    static String typeOf(Object v) {
        if (v instanceof LambdaNode) {
            return "*ast.LambdaNode";
        } else if (v instanceof IdentifierNode) {
            return "*ast.IdentifierNode";
        } else if (v instanceof TimeDimension) {
            return TimeDimension.GO_TYPE;
        } else if (v instanceof Evaluator.Unbound) {
            return "tick.unboundFunc";
        } else if (v instanceof Evaluator.Zero) {
            return zeroType(((Evaluator.Zero) v).type());
        }
        return ArgKind.goTypeOf(v);
    }

    private static String zeroType(ValueType t) {
        switch (t) {
            case LAMBDA:
                return "*ast.LambdaNode";
            case REGEX:
                return "*regexp.Regexp";
            case STAR:
                return "*ast.StarNode";
            default:
                return "[]interface {}";
        }
    }

    /** Go's reflect.Kind name of an evaluator value, as printed in reflection panics. */
    static String kind(Object v) {
        if (v instanceof Long || v instanceof DurationValue) {
            return "int64";
        } else if (v instanceof Double) {
            return "float64";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof List) {
            return "slice";
        } else if (v instanceof TimeDimension) {
            return "struct";
        } else if (v instanceof Evaluator.Zero && ((Evaluator.Zero) v).type() == ValueType.LIST) {
            return "slice";
        }
        return "ptr";
    }

    /** Go's %v of an evaluator value (scalars exactly; other values as Go would print their kind). */
    static String value(Object v) {
        if (v instanceof Double) {
            return floatV((Double) v);
        } else if (v instanceof DurationValue) {
            return v.toString();
        } else if (v instanceof Regex) {
            return ((Regex) v).pattern();
        } else if (v instanceof Star) {
            return "&{<nil> 0}";
        } else if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(value(l.get(i)));
            }
            return sb.append(']').toString();
        } else if (v instanceof LambdaValue || v instanceof LambdaNode) {
            return "&{" + typeOf(v) + "}";
        }
        return String.valueOf(v);
    }

    /** Go's %v of a float64: shortest representation, exponent form below 1e-4 and from 1e21. */
    static String floatV(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        } else if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 21) {
            String digits = bd.unscaledValue().abs().toString();
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            String sign = d < 0 ? "-" : "";
            String es = String.format(Locale.ROOT, "%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
            return sign + mant + "e" + es;
        }
        return bd.toPlainString();
    }
}
