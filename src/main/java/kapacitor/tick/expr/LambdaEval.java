package kapacitor.tick.expr;

import java.util.regex.Pattern;

/** A lambda nested inside an expression; like Kapacitor it keeps its own function state. */
final class LambdaEval extends Eval {
    private final Eval node;
    private final ValueType constReturnType;
    private final ExprState state;

    LambdaEval(Eval node, ValueType constReturnType, ExprState state) {
        this.node = node;
        this.constReturnType = constReturnType;
        this.state = state;
    }

    @Override
    ValueType type(Scope s) {
        return constReturnType == ValueType.INVALID ? node.type(s) : constReturnType;
    }

    @Override
    boolean isDynamic() {
        return node.isDynamic();
    }

    private void require(Scope s, ValueType wanted) {
        ValueType t = type(s);
        if (t != wanted) {
            throw new TypeGuardException(wanted, t);
        }
    }

    @Override
    double evalFloat(Scope s, ExprState st) {
        require(s, ValueType.FLOAT);
        return node.evalFloat(s, state);
    }

    @Override
    long evalInt(Scope s, ExprState st) {
        require(s, ValueType.INT);
        return node.evalInt(s, state);
    }

    @Override
    String evalString(Scope s, ExprState st) {
        require(s, ValueType.STRING);
        return node.evalString(s, state);
    }

    @Override
    boolean evalBool(Scope s, ExprState st) {
        require(s, ValueType.BOOL);
        return node.evalBool(s, state);
    }

    @Override
    Pattern evalRegex(Scope s, ExprState st) {
        require(s, ValueType.REGEX);
        return node.evalRegex(s, state);
    }

    @Override
    long evalTime(Scope s, ExprState st) {
        throw new TypeGuardException(ValueType.TIME, type(s));
    }

    @Override
    long evalDuration(Scope s, ExprState st) {
        require(s, ValueType.DURATION);
        return node.evalDuration(s, state);
    }

    @Override
    Missing evalMissing(Scope s, ExprState st) {
        ValueType t = type(s);
        if (t != ValueType.MISSING) {
            // Kapacitor names boolean as the expected type here.
            throw new TypeGuardException(ValueType.BOOL, t);
        }
        return node.evalMissing(s, state);
    }

    @Override
    Object swallowedMissing() {
        return node.swallowedMissing();
    }

    @Override
    String goTypeName() {
        return "*stateful.EvalLambdaNode";
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
