package kapacitor.tick.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.Regex;
import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.DurationNode;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.RegexNode;
import kapacitor.tick.ast.StringNode;
import kapacitor.tick.ast.UnaryNode;
import kapacitor.tick.lexer.TokenType;

/**
 * Evaluates a binary expression written outside a lambda ({@code var x = 6 * 9}) once its identifiers have been
 * replaced by literals, with Kapacitor's operator table for constant operands and its error texts.
 */
final class ConstantExpression {

    private record Key(TokenType op, ValueType left, ValueType right) {
    }

    private static final Map<Key, BinaryOperator<Object>> OPS = new HashMap<>();
    private static final Map<ValueType, Set<TokenType>> OPS_BY_TYPE = new EnumMap<>(ValueType.class);

    static {
        for (ValueType t : new ValueType[] {ValueType.BOOL, ValueType.INT, ValueType.FLOAT, ValueType.STRING,
            ValueType.DURATION}) {
            put(TokenType.EQUAL, t, t, (l, r) -> l.equals(r));
            put(TokenType.NOT_EQUAL, t, t, (l, r) -> !l.equals(r));
        }
        put(TokenType.AND, ValueType.BOOL, ValueType.BOOL, (l, r) -> (Boolean) l && (Boolean) r);
        put(TokenType.OR, ValueType.BOOL, ValueType.BOOL, (l, r) -> (Boolean) l || (Boolean) r);
        ValueType[] numbers = {ValueType.INT, ValueType.FLOAT};
        for (ValueType l : numbers) {
            for (ValueType r : numbers) {
                if (l != r) {
                    put(TokenType.EQUAL, l, r, (a, b) -> num(a) == num(b));
                    put(TokenType.NOT_EQUAL, l, r, (a, b) -> num(a) != num(b));
                }
                put(TokenType.LESS, l, r, (a, b) -> num(a) < num(b));
                put(TokenType.LESS_EQUAL, l, r, (a, b) -> num(a) <= num(b));
                put(TokenType.GREATER, l, r, (a, b) -> num(a) > num(b));
                put(TokenType.GREATER_EQUAL, l, r, (a, b) -> num(a) >= num(b));
            }
        }
        put(TokenType.LESS, ValueType.STRING, ValueType.STRING, (a, b) -> cmp(a, b) < 0);
        put(TokenType.LESS_EQUAL, ValueType.STRING, ValueType.STRING, (a, b) -> cmp(a, b) <= 0);
        put(TokenType.GREATER, ValueType.STRING, ValueType.STRING, (a, b) -> cmp(a, b) > 0);
        put(TokenType.GREATER_EQUAL, ValueType.STRING, ValueType.STRING, (a, b) -> cmp(a, b) >= 0);
        put(TokenType.REGEX_EQUAL, ValueType.STRING, ValueType.REGEX, (a, b) -> matches(a, b));
        put(TokenType.REGEX_NOT_EQUAL, ValueType.STRING, ValueType.REGEX, (a, b) -> !matches(a, b));
        put(TokenType.LESS, ValueType.DURATION, ValueType.DURATION, (a, b) -> nanos(a) < nanos(b));
        put(TokenType.LESS_EQUAL, ValueType.DURATION, ValueType.DURATION, (a, b) -> nanos(a) <= nanos(b));
        put(TokenType.GREATER, ValueType.DURATION, ValueType.DURATION, (a, b) -> nanos(a) > nanos(b));
        put(TokenType.GREATER_EQUAL, ValueType.DURATION, ValueType.DURATION, (a, b) -> nanos(a) >= nanos(b));

        put(TokenType.PLUS, ValueType.FLOAT, ValueType.FLOAT, (a, b) -> (Double) a + (Double) b);
        put(TokenType.MINUS, ValueType.FLOAT, ValueType.FLOAT, (a, b) -> (Double) a - (Double) b);
        put(TokenType.MULT, ValueType.FLOAT, ValueType.FLOAT, (a, b) -> (Double) a * (Double) b);
        put(TokenType.DIV, ValueType.FLOAT, ValueType.FLOAT, (a, b) -> (Double) a / (Double) b);
        put(TokenType.PLUS, ValueType.INT, ValueType.INT, (a, b) -> (Long) a + (Long) b);
        put(TokenType.MINUS, ValueType.INT, ValueType.INT, (a, b) -> (Long) a - (Long) b);
        put(TokenType.MULT, ValueType.INT, ValueType.INT, (a, b) -> (Long) a * (Long) b);
        put(TokenType.DIV, ValueType.INT, ValueType.INT, (a, b) -> (Long) a / divisor((Long) b));
        put(TokenType.MOD, ValueType.INT, ValueType.INT, (a, b) -> (Long) a % divisor((Long) b));
        put(TokenType.PLUS, ValueType.DURATION, ValueType.DURATION, (a, b) -> dur(nanos(a) + nanos(b)));
        put(TokenType.MINUS, ValueType.DURATION, ValueType.DURATION, (a, b) -> dur(nanos(a) - nanos(b)));
        put(TokenType.MULT, ValueType.DURATION, ValueType.INT, (a, b) -> dur(nanos(a) * (Long) b));
        put(TokenType.MULT, ValueType.INT, ValueType.DURATION, (a, b) -> dur((Long) a * nanos(b)));
        put(TokenType.MULT, ValueType.DURATION, ValueType.FLOAT, (a, b) -> dur((long) (nanos(a) * (Double) b)));
        put(TokenType.MULT, ValueType.FLOAT, ValueType.DURATION, (a, b) -> dur((long) ((Double) a * nanos(b))));
        put(TokenType.DIV, ValueType.DURATION, ValueType.INT, (a, b) -> dur(nanos(a) / divisor((Long) b)));
        put(TokenType.DIV, ValueType.DURATION, ValueType.FLOAT, (a, b) -> dur((long) (nanos(a) / (Double) b)));
        put(TokenType.DIV, ValueType.DURATION, ValueType.DURATION, (a, b) -> nanos(a) / divisor(nanos(b)));
        put(TokenType.PLUS, ValueType.STRING, ValueType.STRING, (a, b) -> (String) a + b);
    }

    private ConstantExpression() {
    }

    private static void put(TokenType op, ValueType l, ValueType r, BinaryOperator<Object> f) {
        OPS.put(new Key(op, l, r), f);
        OPS_BY_TYPE.computeIfAbsent(l, k -> EnumSet.noneOf(TokenType.class)).add(op);
        OPS_BY_TYPE.computeIfAbsent(r, k -> EnumSet.noneOf(TokenType.class)).add(op);
    }

    /** The value of a constant expression (a binary node whose operands are literals or constant expressions). */
    static Object evaluate(Node n) {
        if (n instanceof BinaryNode) {
            BinaryNode b = (BinaryNode) n;
            Object left;
            Object right;
            try {
                left = evaluate(b.left());
            } catch (TickException e) {
                throw b.left() instanceof BinaryNode ? new TickException("Failed to handle left node: "
                    + e.getMessage()) : e;
            }
            try {
                right = evaluate(b.right());
            } catch (TickException e) {
                throw b.right() instanceof BinaryNode ? new TickException("Failed to handle right node: "
                    + e.getMessage()) : e;
            }
            return apply(b.operator(), left, right);
        } else if (n instanceof NumberNode) {
            NumberNode num = (NumberNode) n;
            return num.isInt() ? (Object) num.intValue() : (Object) num.floatValue();
        } else if (n instanceof StringNode) {
            return ((StringNode) n).literal();
        } else if (n instanceof BoolNode) {
            return ((BoolNode) n).value();
        } else if (n instanceof DurationNode) {
            return new DurationValue(((DurationNode) n).nanos());
        } else if (n instanceof RegexNode) {
            return new Regex(((RegexNode) n).pattern());
        } else if (n instanceof UnaryNode) {
            return unary((UnaryNode) n);
        } else if (n instanceof LambdaNode) {
            return evaluate(((LambdaNode) n).expression());
        } else if (n instanceof FunctionNode) {
            FunctionNode f = (FunctionNode) n;
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < f.args().size(); i++) {
                try {
                    args.add(evaluate(f.args().get(i)));
                } catch (TickException e) {
                    throw new TickException("Failed to handle " + (i + 1) + " argument: " + e.getMessage());
                }
            }
            return ConstantFunctions.call(f.func(), args);
        }
        throw new TickException("expression of type " + n.getClass().getSimpleName()
            + " cannot be evaluated outside a lambda");
    }

    private static Object unary(UnaryNode u) {
        Object v = evaluate(u.node());
        if (u.operator() == TokenType.MINUS) {
            if (v instanceof Long) {
                return -(Long) v;
            } else if (v instanceof Double) {
                return -(Double) v;
            } else if (v instanceof DurationValue) {
                return dur(-nanos(v));
            }
            throw new TickException("invalid math operator - for type " + Evaluator.typeOf(v).text());
        }
        if (v instanceof Boolean) {
            return !(Boolean) v;
        }
        throw new TickException("invalid logical operator ! for type " + Evaluator.typeOf(v).text());
    }

    private static Object apply(TokenType op, Object left, Object right) {
        ValueType lt = Evaluator.typeOf(left);
        ValueType rt = Evaluator.typeOf(right);
        BinaryOperator<Object> f = OPS.get(new Key(op, lt, rt));
        if (f != null) {
            return f.apply(left, right);
        }
        if (lt != ValueType.INVALID && !OPS_BY_TYPE.getOrDefault(lt, Set.of()).contains(op)) {
            throw new TickException("invalid " + kind(op) + " operator " + op.text() + " for type " + lt.text());
        }
        throw new TickException("mismatched type to binary operator. got " + lt.text() + " " + op.text() + " "
            + rt.text() + ". see bool(), int(), float(), string(), duration()");
    }

    private static String kind(TokenType op) {
        switch (op) {
            case PLUS:
            case MINUS:
            case MULT:
            case DIV:
            case MOD:
                return "math";
            case AND:
            case OR:
                return "logical";
            default:
                return "comparison";
        }
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }

    private static long nanos(Object v) {
        return ((DurationValue) v).nanos();
    }

    private static DurationValue dur(long nanos) {
        return new DurationValue(nanos);
    }

    private static int cmp(Object a, Object b) {
        return ((String) a).compareTo((String) b);
    }

    private static long divisor(long d) {
        if (d == 0) {
            throw new TickException("runtime error: integer divide by zero");
        }
        return d;
    }

    private static boolean matches(Object s, Object re) {
        return Pattern.compile(((Regex) re).pattern()).matcher((String) s).find();
    }
}
