package kapacitor.tick.expr;

import java.util.regex.Pattern;
import kapacitor.util.Durations;

/** A literal: bool, int, float, string, duration or regex. Reading it as another type is a type guard failure. */
final class ConstEval extends Eval {
    private final ValueType type;
    private final boolean bool;
    private final long bits; // int value or duration nanos
    private final double number;
    private final String string;
    private final Pattern regex;
    private final String text;

    private ConstEval(ValueType type, boolean bool, long bits, double number, String string, Pattern regex,
                      String text) {
        this.type = type;
        this.bool = bool;
        this.bits = bits;
        this.number = number;
        this.string = string;
        this.regex = regex;
        this.text = text;
    }

    static ConstEval ofBool(boolean v) {
        return new ConstEval(ValueType.BOOL, v, 0, 0, null, null, Boolean.toString(v));
    }

    static ConstEval ofInt(long v) {
        return new ConstEval(ValueType.INT, false, v, 0, null, null, Long.toString(v));
    }

    static ConstEval ofFloat(double v) {
        return new ConstEval(ValueType.FLOAT, false, 0, v, null, null, Values.formatFloatV(v));
    }

    static ConstEval ofString(String v) {
        return new ConstEval(ValueType.STRING, false, 0, 0, v, null, v);
    }

    static ConstEval ofDuration(long nanos) {
        return new ConstEval(ValueType.DURATION, false, nanos, 0, null, null, Durations.formatNanos(nanos));
    }

    static ConstEval ofRegex(Pattern p, String literal) {
        return new ConstEval(ValueType.REGEX, false, 0, 0, null, p, literal);
    }

    private TypeGuardException guard(ValueType requested) {
        return new TypeGuardException(requested, type);
    }

    @Override
    ValueType type(Scope s) {
        return type;
    }

    @Override
    boolean isDynamic() {
        return false;
    }

    @Override
    double evalFloat(Scope s, ExprState st) {
        if (type != ValueType.FLOAT) {
            throw guard(ValueType.FLOAT);
        }
        return number;
    }

    @Override
    long evalInt(Scope s, ExprState st) {
        if (type != ValueType.INT) {
            throw guard(ValueType.INT);
        }
        return bits;
    }

    @Override
    String evalString(Scope s, ExprState st) {
        if (type != ValueType.STRING) {
            throw guard(ValueType.STRING);
        }
        return string;
    }

    @Override
    boolean evalBool(Scope s, ExprState st) {
        if (type != ValueType.BOOL) {
            throw guard(ValueType.BOOL);
        }
        return bool;
    }

    @Override
    Pattern evalRegex(Scope s, ExprState st) {
        if (type != ValueType.REGEX) {
            throw guard(ValueType.REGEX);
        }
        return regex;
    }

    @Override
    long evalTime(Scope s, ExprState st) {
        throw guard(ValueType.TIME);
    }

    @Override
    long evalDuration(Scope s, ExprState st) {
        if (type != ValueType.DURATION) {
            throw guard(ValueType.DURATION);
        }
        return bits;
    }

    @Override
    Missing evalMissing(Scope s, ExprState st) {
        throw guard(ValueType.MISSING);
    }

    @Override
    String goTypeName() {
        switch (type) {
            case BOOL:
                return "*stateful.EvalBoolNode";
            case INT:
                return "*stateful.EvalIntNode";
            case FLOAT:
                return "*stateful.EvalFloatNode";
            case STRING:
                return "*stateful.EvalStringNode";
            case DURATION:
                return "*stateful.EvalDurationNode";
            default:
                return "*stateful.EvalRegexNode";
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
