package kapacitor.tick.expr;

import java.util.regex.Pattern;
import kapacitor.tick.lexer.TokenType;

/** Prefix {@code -} or {@code !}; like Kapacitor, each typed read negates its operand read as that type. */
final class UnaryEval extends Eval {
    private final TokenType operator;
    private final Eval node;
    private final ValueType constReturnType;

    UnaryEval(TokenType operator, Eval node, ValueType constReturnType) {
        this.operator = operator;
        this.node = node;
        this.constReturnType = constReturnType;
    }

    @Override
    ValueType type(Scope s) {
        return constReturnType == ValueType.INVALID ? node.type(s) : constReturnType;
    }

    @Override
    boolean isDynamic() {
        return constReturnType == ValueType.INVALID && node.isDynamic();
    }

    private ValueType require(Scope s, ValueType wanted) {
        ValueType t = type(s);
        if (t != wanted) {
            throw new TypeGuardException(wanted, t);
        }
        return t;
    }

    @Override
    double evalFloat(Scope s, ExprState st) {
        require(s, ValueType.FLOAT);
        return -1 * node.evalFloat(s, st);
    }

    @Override
    long evalInt(Scope s, ExprState st) {
        require(s, ValueType.INT);
        return -1 * node.evalInt(s, st);
    }

    @Override
    String evalString(Scope s, ExprState st) {
        throw new TypeGuardException(ValueType.STRING, constReturnType);
    }

    @Override
    boolean evalBool(Scope s, ExprState st) {
        require(s, ValueType.BOOL);
        return !node.evalBool(s, st);
    }

    @Override
    Pattern evalRegex(Scope s, ExprState st) {
        throw new TypeGuardException(ValueType.REGEX, constReturnType);
    }

    @Override
    long evalTime(Scope s, ExprState st) {
        throw new TypeGuardException(ValueType.TIME, constReturnType);
    }

    @Override
    long evalDuration(Scope s, ExprState st) {
        require(s, ValueType.DURATION);
        return -1 * node.evalDuration(s, st);
    }

    @Override
    Missing evalMissing(Scope s, ExprState st) {
        if (node instanceof ReferenceEval r) {
            throw new ExprException("reference \"" + r.name() + "\" is missing value");
        }
        throw new ExprException("expected nodeEvaluator to be *EvalReferenceNode got " + node.goTypeName());
    }

    @Override
    String goTypeName() {
        return "*stateful.EvalUnaryNode";
    }

    @Override
    public String toString() {
        return operator.text() + node;
    }
}
