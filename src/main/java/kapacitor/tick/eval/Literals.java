package kapacitor.tick.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.Regex;
import kapacitor.pipeline.Star;
import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.DurationNode;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.ListNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.Position;
import kapacitor.tick.ast.RegexNode;
import kapacitor.tick.ast.StarNode;
import kapacitor.tick.ast.StringNode;
import kapacitor.tick.ast.UnaryNode;

/** Replaces identifiers in an expression by literals of their values, as Kapacitor does for lambdas. */
final class Literals {

    private Literals() {
    }

    /** A copy of the expression with every identifier (outside nested lambdas and lists) replaced by its value. */
    static Node resolveIdents(Node n, Function<String, Object> lookup) {
        if (n instanceof IdentifierNode) {
            IdentifierNode id = (IdentifierNode) n;
            return literal(id.position(), lookup.apply(id.ident()));
        } else if (n instanceof UnaryNode) {
            UnaryNode u = (UnaryNode) n;
            return new UnaryNode(u.position(), u.operator(), resolveIdents(u.node(), lookup), u.comment());
        } else if (n instanceof BinaryNode) {
            BinaryNode b = (BinaryNode) n;
            return new BinaryNode(b.position(), b.operator(), resolveIdents(b.left(), lookup),
                resolveIdents(b.right(), lookup), b.parens(), b.multiLine(), b.comment());
        } else if (n instanceof FunctionNode) {
            FunctionNode f = (FunctionNode) n;
            List<Node> args = new ArrayList<>();
            for (Node a : f.args()) {
                args.add(resolveIdents(a, lookup));
            }
            return new FunctionNode(f.position(), f.type(), f.func(), args, f.multiLine(), f.comment());
        }
        return n;
    }

    /** Kapacitor's ast.ValueToLiteralNode. */
    static Node literal(Position p, Object v) {
        if (v instanceof Boolean) {
            return new BoolNode(p, (Boolean) v, null);
        } else if (v instanceof Long) {
            return new NumberNode(p, true, (Long) v, 0, 10, null);
        } else if (v instanceof Double) {
            return new NumberNode(p, false, 0, (Double) v, 0, null);
        } else if (v instanceof DurationValue) {
            long nanos = ((DurationValue) v).nanos();
            return new DurationNode(p, nanos, formatDuration(nanos), null);
        } else if (v instanceof String) {
            return new StringNode(p, (String) v, false, null);
        } else if (v instanceof Regex) {
            String pattern = ((Regex) v).pattern();
            return new RegexNode(p, pattern.replace("/", "\\/"), pattern, null);
        } else if (v instanceof LambdaNode) {
            return new LambdaNode(p, ((LambdaNode) v).expression(), null);
        } else if (v instanceof Star) {
            return new StarNode(p, null);
        } else if (v instanceof List) {
            List<Node> nodes = new ArrayList<>();
            for (Object item : (List<?>) v) {
                nodes.add(literal(p, item));
            }
            return new ListNode(p, nodes, null);
        } else if (v instanceof Evaluator.Zero) {
            return zeroLiteral(p, ((Evaluator.Zero) v).type());
        }
        throw new TickException("unsupported literal type " + GoText.typeOf(v));
    }

    private static Node zeroLiteral(Position p, ValueType type) {
        switch (type) {
            case LAMBDA:
                return new LambdaNode(p, null, null);
            case STAR:
                return new StarNode(p, null);
            case LIST:
                return new ListNode(p, List.of(), null);
            default:
                return new RegexNode(p, "", "", null);
        }
    }

    /** InfluxQL's duration text, the way Kapacitor prints a duration literal it built from a value. */
    static String formatDuration(long d) {
        final long us = 1_000L;
        final long ms = 1_000_000L;
        final long s = 1_000_000_000L;
        final long m = 60 * s;
        final long h = 60 * m;
        final long day = 24 * h;
        final long week = 7 * day;
        if (d == 0) {
            return "0s";
        } else if (d % week == 0) {
            return d / week + "w";
        } else if (d % day == 0) {
            return d / day + "d";
        } else if (d % h == 0) {
            return d / h + "h";
        } else if (d % m == 0) {
            return d / m + "m";
        } else if (d % s == 0) {
            return d / s + "s";
        } else if (d % ms == 0) {
            return d / ms + "ms";
        } else if (d % us == 0) {
            return d / us + "u";
        }
        return d + "ns";
    }
}
