package kapacitor.tick.expr;

import java.util.regex.Pattern;
import kapacitor.tick.lexer.TokenType;

/**
 * {@code left op right}, specialised to the operand types. With constant operand types the operation is chosen at
 * compile time; with references or calls it is chosen at the first evaluation and re-chosen when a type guard
 * failure shows an operand changed type (a field that was float arriving as int). Boolean reads re-check the
 * operand types on every evaluation, as Kapacitor does, so predicates always see the current types.
 */
final class BinaryEval extends Eval {
    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final int MAX_RESPECIALISATIONS = 8;

    private final TokenType operator;
    private final Eval left;
    private final Eval right;
    private final ValueType constReturnType;
    private final boolean dynamicOperands;
    private ValueType leftType = ValueType.INVALID;
    private ValueType rightType = ValueType.INVALID;
    private BinaryFn fn;
    private boolean fnKnown;
    private int side;

    BinaryEval(TokenType operator, Eval left, Eval right, ValueType constReturnType, ValueType constLeft,
               ValueType constRight) {
        this.operator = operator;
        this.left = left;
        this.right = right;
        this.constReturnType = constReturnType;
        this.dynamicOperands = left.isDynamic() || right.isDynamic();
        if (!dynamicOperands) {
            leftType = constLeft;
            rightType = constRight;
            fn = BinaryFns.lookup(operator, leftType, rightType);
            fnKnown = true;
            if (fn == null) {
                throw determineError(null);
            }
        }
    }

    @Override
    ValueType type(Scope s) {
        if (constReturnType != ValueType.INVALID) {
            return constReturnType;
        }
        leftType = left.type(s);
        rightType = right.type(s);
        BinaryFn f = BinaryFns.lookup(operator, leftType, rightType);
        if (f == null) {
            throw determineError(null);
        }
        return f.ret;
    }

    @Override
    boolean isDynamic() {
        return constReturnType == ValueType.INVALID && dynamicOperands;
    }

    // Operand accessors used by BinaryFns; they record the side so a type guard failure can be attributed.

    double leftFloat(Scope s, ExprState st) {
        side = LEFT;
        return left.evalFloat(s, st);
    }

    double rightFloat(Scope s, ExprState st) {
        side = RIGHT;
        return right.evalFloat(s, st);
    }

    long leftInt(Scope s, ExprState st) {
        side = LEFT;
        return left.evalInt(s, st);
    }

    long rightInt(Scope s, ExprState st) {
        side = RIGHT;
        return right.evalInt(s, st);
    }

    long leftDuration(Scope s, ExprState st) {
        side = LEFT;
        return left.evalDuration(s, st);
    }

    long rightDuration(Scope s, ExprState st) {
        side = RIGHT;
        return right.evalDuration(s, st);
    }

    String leftString(Scope s, ExprState st) {
        side = LEFT;
        return left.evalString(s, st);
    }

    String rightString(Scope s, ExprState st) {
        side = RIGHT;
        return right.evalString(s, st);
    }

    boolean leftBool(Scope s, ExprState st) {
        side = LEFT;
        return left.evalBool(s, st);
    }

    boolean rightBool(Scope s, ExprState st) {
        side = RIGHT;
        return right.evalBool(s, st);
    }

    Pattern rightRegex(Scope s, ExprState st) {
        side = RIGHT;
        return right.evalRegex(s, st);
    }

    /** Picks the operation from the operands' current types. */
    private BinaryFn specialise(Scope s) {
        leftType = left.type(s);
        rightType = right.type(s);
        fn = BinaryFns.lookup(operator, leftType, rightType);
        fnKnown = true;
        return fn;
    }

    private BinaryFn current(Scope s, boolean recheckTypes) {
        BinaryFn f = (recheckTypes && dynamicOperands) || !fnKnown ? specialise(s) : fn;
        if (f == null) {
            throw determineError(s);
        }
        return f;
    }

    /** After a type guard failure from one side, adopts the type it reported and picks the operation again. */
    private BinaryFn respecialise(TypeGuardException g, int attempt) {
        if (attempt >= MAX_RESPECIALISATIONS) {
            throw g;
        }
        if (side == LEFT) {
            leftType = g.actual();
        } else {
            rightType = g.actual();
        }
        fn = BinaryFns.lookup(operator, leftType, rightType);
        if (fn == null) {
            throw g;
        }
        return fn;
    }

    private static String goResultName(ValueType t) {
        return t == ValueType.BOOL || t == ValueType.INT || t == ValueType.FLOAT ? t.goTypeName() : "<nil>";
    }

    private ExprException unexpected(BinaryFn f) {
        return new ExprException("expression returned unexpected type " + goResultName(f.ret));
    }

    @Override
    boolean evalBool(Scope s, ExprState st) {
        BinaryFn f = current(s, true);
        for (int attempt = 0; ; attempt++) {
            try {
                if (f.ret == ValueType.BOOL) {
                    return f.bool(this, s, st);
                }
                f.run(this, s, st);
                break;
            } catch (TypeGuardException g) {
                f = respecialise(g, attempt);
            }
        }
        throw unexpected(f);
    }

    @Override
    double evalFloat(Scope s, ExprState st) {
        BinaryFn f = current(s, false);
        for (int attempt = 0; ; attempt++) {
            try {
                if (f.ret == ValueType.FLOAT) {
                    return f.dbl(this, s, st);
                }
                f.run(this, s, st);
                break;
            } catch (TypeGuardException g) {
                f = respecialise(g, attempt);
            }
        }
        throw new TypeGuardException(ValueType.FLOAT, f.ret == ValueType.INT ? ValueType.INT : constReturnType);
    }

    @Override
    long evalInt(Scope s, ExprState st) {
        BinaryFn f = current(s, false);
        for (int attempt = 0; ; attempt++) {
            try {
                if (f.ret == ValueType.INT) {
                    return f.lng(this, s, st);
                }
                f.run(this, s, st);
                break;
            } catch (TypeGuardException g) {
                f = respecialise(g, attempt);
            }
        }
        throw new TypeGuardException(ValueType.INT, f.ret == ValueType.FLOAT ? ValueType.FLOAT : constReturnType);
    }

    @Override
    long evalDuration(Scope s, ExprState st) {
        BinaryFn f = current(s, false);
        for (int attempt = 0; ; attempt++) {
            try {
                if (f.ret == ValueType.DURATION) {
                    return f.lng(this, s, st);
                }
                f.run(this, s, st);
                break;
            } catch (TypeGuardException g) {
                f = respecialise(g, attempt);
            }
        }
        throw unexpected(f);
    }

    @Override
    String evalString(Scope s, ExprState st) {
        BinaryFn f = current(s, false);
        for (int attempt = 0; ; attempt++) {
            try {
                if (f.ret == ValueType.STRING) {
                    return f.str(this, s, st);
                }
                f.run(this, s, st);
                break;
            } catch (TypeGuardException g) {
                f = respecialise(g, attempt);
            }
        }
        throw unexpected(f);
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
    Missing evalMissing(Scope s, ExprState st) {
        throw new TypeGuardException(ValueType.MISSING, constReturnType);
    }

    /** The most specific message for operand types that have no operation; {@code s} is null at compile time. */
    private ExprException determineError(Scope s) {
        if (s != null) {
            try {
                leftType = left.type(s);
            } catch (ExprException e) {
                return new ExprException("can't get the type of the left node: " + e.getMessage());
            }
            if (leftType == ValueType.INVALID) {
                return new ExprException("left value is invalid value type");
            }
            if (leftType == ValueType.MISSING) {
                return missingSide("left", left);
            }
            try {
                rightType = right.type(s);
            } catch (ExprException e) {
                return new ExprException("can't get the type of the right node: " + e.getMessage());
            }
            if (rightType == ValueType.INVALID) {
                return new ExprException("right value is invalid value type");
            }
            if (rightType == ValueType.MISSING) {
                return missingSide("right", right);
            }
        }
        if (leftType != ValueType.INVALID && !BinaryFns.typeSupports(leftType, operator)) {
            return invalidOperator(leftType);
        }
        if (leftType == ValueType.INVALID && rightType != ValueType.INVALID) {
            // Kapacitor tests the left type's operators here too, which an invalid type never has.
            return invalidOperator(rightType);
        }
        return new ExprException("mismatched type to binary operator. got " + leftType + " " + operator.text() + " "
            + rightType + ". see bool(), int(), float(), string(), duration()");
    }

    private ExprException missingSide(String sideName, Eval node) {
        if (node instanceof ReferenceEval r) {
            return new ExprException(sideName + " reference value \"" + r.name() + "\" is missing value");
        }
        return new ExprException("expected " + sideName + "Evaluator to be *EvalReferenceNode got "
            + node.goTypeName());
    }

    private ExprException invalidOperator(ValueType t) {
        return new ExprException("invalid " + operatorKind() + " operator " + operator.text() + " for type " + t);
    }

    private String operatorKind() {
        if (operator.isMathOperator()) {
            return "math";
        }
        if (operator.isComparisonOperator()) {
            return "comparison";
        }
        return operator.isLogicalOperator() ? "logical" : "INVALID";
    }

    @Override
    String goTypeName() {
        return "*stateful.EvalBinaryNode";
    }

    @Override
    public String toString() {
        return left + " " + operator.text() + " " + right;
    }
}
