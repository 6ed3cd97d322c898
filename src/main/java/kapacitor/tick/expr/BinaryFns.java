package kapacitor.tick.expr;

import static kapacitor.tick.expr.ValueType.BOOL;
import static kapacitor.tick.expr.ValueType.DURATION;
import static kapacitor.tick.expr.ValueType.FLOAT;
import static kapacitor.tick.expr.ValueType.INT;
import static kapacitor.tick.expr.ValueType.REGEX;
import static kapacitor.tick.expr.ValueType.STRING;

import java.util.EnumSet;
import java.util.Set;
import kapacitor.tick.lexer.TokenType;

/**
 * Kapacitor's table of binary operations: exactly these type pairs are allowed; anything else (int + float
 * included) is a type error. Numeric comparisons may mix int and float, arithmetic may not.
 */
final class BinaryFns {
    private static final int TYPES = ValueType.values().length;
    private static final BinaryFn[][][] TABLE = new BinaryFn[TokenType.values().length][TYPES][TYPES];
    private static final Set<?>[] OPERATORS_BY_TYPE = new Set<?>[TYPES];

    private static final TokenType[] COMPARISONS = {
        TokenType.EQUAL, TokenType.NOT_EQUAL, TokenType.LESS, TokenType.GREATER, TokenType.LESS_EQUAL,
        TokenType.GREATER_EQUAL};

    private BinaryFns() {
    }

    static BinaryFn lookup(TokenType op, ValueType left, ValueType right) {
        return TABLE[op.ordinal()][left.ordinal()][right.ordinal()];
    }

    /** Whether {@code type} appears on either side of some operation with {@code op}. */
    static boolean typeSupports(ValueType type, TokenType op) {
        Set<?> ops = OPERATORS_BY_TYPE[type.ordinal()];
        return ops != null && ops.contains(op);
    }

    private static void put(TokenType op, ValueType l, ValueType r, BinaryFn fn) {
        TABLE[op.ordinal()][l.ordinal()][r.ordinal()] = fn;
        addOperator(l, op);
        addOperator(r, op);
    }

    @SuppressWarnings("unchecked")
    private static void addOperator(ValueType t, TokenType op) {
        if (OPERATORS_BY_TYPE[t.ordinal()] == null) {
            OPERATORS_BY_TYPE[t.ordinal()] = EnumSet.noneOf(TokenType.class);
        }
        ((Set<TokenType>) OPERATORS_BY_TYPE[t.ordinal()]).add(op);
    }

    private static boolean cmp(TokenType op, double a, double b) {
        switch (op) {
            case EQUAL:
                return a == b;
            case NOT_EQUAL:
                return a != b;
            case LESS:
                return a < b;
            case GREATER:
                return a > b;
            case LESS_EQUAL:
                return a <= b;
            default:
                return a >= b;
        }
    }

    private static boolean cmp(TokenType op, long a, long b) {
        switch (op) {
            case EQUAL:
                return a == b;
            case NOT_EQUAL:
                return a != b;
            case LESS:
                return a < b;
            case GREATER:
                return a > b;
            case LESS_EQUAL:
                return a <= b;
            default:
                return a >= b;
        }
    }

    private static boolean cmp(TokenType op, String a, String b) {
        if (op == TokenType.EQUAL) {
            return a.equals(b);
        }
        if (op == TokenType.NOT_EQUAL) {
            return !a.equals(b);
        }
        return cmp(op, Values.compareStrings(a, b), 0);
    }

    private static ExprException divideByZero() {
        return new ExprException("runtime error: integer divide by zero");
    }

    private static long div(long a, long b) {
        if (b == 0) {
            throw divideByZero();
        }
        return a / b;
    }

    static {
        put(TokenType.AND, BOOL, BOOL, BinaryFn.bool((b, s, st) -> b.leftBool(s, st) && b.rightBool(s, st)));
        put(TokenType.OR, BOOL, BOOL, BinaryFn.bool((b, s, st) -> b.leftBool(s, st) || b.rightBool(s, st)));
        put(TokenType.EQUAL, BOOL, BOOL, BinaryFn.bool((b, s, st) -> {
            boolean l = b.leftBool(s, st);
            return l == b.rightBool(s, st);
        }));
        put(TokenType.NOT_EQUAL, BOOL, BOOL, BinaryFn.bool((b, s, st) -> {
            boolean l = b.leftBool(s, st);
            return l != b.rightBool(s, st);
        }));
        for (TokenType op : COMPARISONS) {
            put(op, FLOAT, FLOAT, BinaryFn.bool((b, s, st) -> {
                double l = b.leftFloat(s, st);
                return cmp(op, l, b.rightFloat(s, st));
            }));
            put(op, FLOAT, INT, BinaryFn.bool((b, s, st) -> {
                double l = b.leftFloat(s, st);
                return cmp(op, l, (double) b.rightInt(s, st));
            }));
            put(op, INT, FLOAT, BinaryFn.bool((b, s, st) -> {
                long l = b.leftInt(s, st);
                return cmp(op, (double) l, b.rightFloat(s, st));
            }));
            put(op, INT, INT, BinaryFn.bool((b, s, st) -> {
                long l = b.leftInt(s, st);
                return cmp(op, l, b.rightInt(s, st));
            }));
            put(op, STRING, STRING, BinaryFn.bool((b, s, st) -> {
                String l = b.leftString(s, st);
                return cmp(op, l, b.rightString(s, st));
            }));
            put(op, DURATION, DURATION, BinaryFn.bool((b, s, st) -> {
                long l = b.leftDuration(s, st);
                return cmp(op, l, b.rightDuration(s, st));
            }));
        }
        put(TokenType.REGEX_EQUAL, STRING, REGEX, BinaryFn.bool((b, s, st) -> {
            String l = b.leftString(s, st);
            return b.rightRegex(s, st).matcher(l).find();
        }));
        put(TokenType.REGEX_NOT_EQUAL, STRING, REGEX, BinaryFn.bool((b, s, st) -> {
            String l = b.leftString(s, st);
            return !b.rightRegex(s, st).matcher(l).find();
        }));

        put(TokenType.PLUS, FLOAT, FLOAT, BinaryFn.dbl((b, s, st) -> b.leftFloat(s, st) + b.rightFloat(s, st)));
        put(TokenType.MINUS, FLOAT, FLOAT, BinaryFn.dbl((b, s, st) -> b.leftFloat(s, st) - b.rightFloat(s, st)));
        put(TokenType.MULT, FLOAT, FLOAT, BinaryFn.dbl((b, s, st) -> b.leftFloat(s, st) * b.rightFloat(s, st)));
        put(TokenType.DIV, FLOAT, FLOAT, BinaryFn.dbl((b, s, st) -> b.leftFloat(s, st) / b.rightFloat(s, st)));

        put(TokenType.PLUS, INT, INT, BinaryFn.lng(INT, (b, s, st) -> b.leftInt(s, st) + b.rightInt(s, st)));
        put(TokenType.MINUS, INT, INT, BinaryFn.lng(INT, (b, s, st) -> b.leftInt(s, st) - b.rightInt(s, st)));
        put(TokenType.MULT, INT, INT, BinaryFn.lng(INT, (b, s, st) -> b.leftInt(s, st) * b.rightInt(s, st)));
        put(TokenType.DIV, INT, INT, BinaryFn.lng(INT, (b, s, st) -> {
            long l = b.leftInt(s, st);
            return div(l, b.rightInt(s, st));
        }));
        put(TokenType.MOD, INT, INT, BinaryFn.lng(INT, (b, s, st) -> {
            long l = b.leftInt(s, st);
            long r = b.rightInt(s, st);
            if (r == 0) {
                throw divideByZero();
            }
            return l % r;
        }));

        put(TokenType.PLUS, DURATION, DURATION,
            BinaryFn.lng(DURATION, (b, s, st) -> b.leftDuration(s, st) + b.rightDuration(s, st)));
        put(TokenType.MINUS, DURATION, DURATION,
            BinaryFn.lng(DURATION, (b, s, st) -> b.leftDuration(s, st) - b.rightDuration(s, st)));
        put(TokenType.MULT, DURATION, INT,
            BinaryFn.lng(DURATION, (b, s, st) -> b.leftDuration(s, st) * b.rightInt(s, st)));
        put(TokenType.MULT, INT, DURATION,
            BinaryFn.lng(DURATION, (b, s, st) -> b.leftInt(s, st) * b.rightDuration(s, st)));
        put(TokenType.MULT, DURATION, FLOAT, BinaryFn.lng(DURATION, (b, s, st) -> {
            long l = b.leftDuration(s, st);
            return Values.goInt64((double) l * b.rightFloat(s, st));
        }));
        put(TokenType.MULT, FLOAT, DURATION, BinaryFn.lng(DURATION, (b, s, st) -> {
            double l = b.leftFloat(s, st);
            return Values.goInt64(l * (double) b.rightDuration(s, st));
        }));
        put(TokenType.DIV, DURATION, INT, BinaryFn.lng(DURATION, (b, s, st) -> {
            long l = b.leftDuration(s, st);
            return div(l, b.rightInt(s, st));
        }));
        put(TokenType.DIV, DURATION, FLOAT, BinaryFn.lng(DURATION, (b, s, st) -> {
            long l = b.leftDuration(s, st);
            return Values.goInt64((double) l / b.rightFloat(s, st));
        }));
        put(TokenType.DIV, DURATION, DURATION, BinaryFn.lng(INT, (b, s, st) -> {
            long l = b.leftDuration(s, st);
            return div(l, b.rightDuration(s, st));
        }));

        put(TokenType.PLUS, STRING, STRING, BinaryFn.str((b, s, st) -> {
            String l = b.leftString(s, st);
            return l.concat(b.rightString(s, st));
        }));
    }
}
