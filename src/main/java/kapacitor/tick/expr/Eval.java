package kapacitor.tick.expr;

import java.util.regex.Pattern;

/**
 * One node of a compiled expression. Each typed method returns the value when the node has that type and throws
 * {@link TypeGuardException} otherwise; {@link #type} tells which one to call. Mirrors Kapacitor's NodeEvaluator.
 */
abstract class Eval {
    abstract ValueType type(Scope s);

    /** Whether the node's type can change from one evaluation to the next. */
    abstract boolean isDynamic();

    abstract double evalFloat(Scope s, ExprState st);

    abstract long evalInt(Scope s, ExprState st);

    abstract String evalString(Scope s, ExprState st);

    abstract boolean evalBool(Scope s, ExprState st);

    abstract Pattern evalRegex(Scope s, ExprState st);

    /** Epoch nanoseconds. */
    abstract long evalTime(Scope s, ExprState st);

    /** Nanoseconds. */
    abstract long evalDuration(Scope s, ExprState st);

    abstract Missing evalMissing(Scope s, ExprState st);

    /** Go type name of Kapacitor's evaluator for this node, quoted by a few of its error messages. */
    abstract String goTypeName();

    /** The value a function argument takes when {@link #evalMissing} reports a missing value. */
    Object swallowedMissing() {
        return null;
    }

    /** The node as Kapacitor prints it in function signature errors. */
    @Override
    public abstract String toString();

    /** Evaluates to a boxed value of the node's current type, as Kapacitor does for function arguments. */
    static Object evalBoxed(Eval n, Scope s, ExprState st) {
        ValueType t = n.type(s);
        switch (t) {
            case BOOL:
                return n.evalBool(s, st);
            case INT:
                return n.evalInt(s, st);
            case FLOAT:
                return n.evalFloat(s, st);
            case STRING:
                return n.evalString(s, st);
            case REGEX:
                return n.evalRegex(s, st);
            case TIME:
                return Values.instant(n.evalTime(s, st));
            case DURATION:
                return Values.duration(n.evalDuration(s, st));
            case MISSING:
                try {
                    return n.evalMissing(s, st);
                } catch (ExprException e) {
                    if (e.getMessage().contains("missing value")) {
                        return n.swallowedMissing();
                    }
                    throw e;
                }
            default:
                throw new ExprException("function arg expression returned unexpected type " + t);
        }
    }
}
