package kapacitor.tick.expr;

import kapacitor.util.GoRegex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.DurationNode;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.ReferenceNode;
import kapacitor.tick.ast.RegexNode;
import kapacitor.tick.ast.StringNode;
import kapacitor.tick.ast.UnaryNode;
import kapacitor.tick.lexer.TokenType;

/** Compiles a TICKscript lambda into an {@link Expr}; compile once per task start, never per point. */
public final class ExprCompiler {
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final List<Supplier<Func>> factories = new ArrayList<>();
    private final LinkedHashSet<String> references = new LinkedHashSet<>();

    private ExprCompiler() {
    }

    /** Compiles the lambda's expression; throws {@link ExprException} with Kapacitor's text on type errors. */
    public static Expr compile(LambdaNode lambda) {
        return compileNode(lambda.expression());
    }

    /** Compiles an expression node (the body of a lambda). */
    public static Expr compileNode(Node expression) {
        ExprCompiler c = new ExprCompiler();
        Eval root = c.build(expression);
        return new Expr(root, List.copyOf(c.references), c.factories);
    }

    private Eval build(Node n) {
        if (n instanceof BoolNode b) {
            return ConstEval.ofBool(b.value());
        }
        if (n instanceof NumberNode num) {
            return num.isInt() ? ConstEval.ofInt(num.intValue()) : ConstEval.ofFloat(num.floatValue());
        }
        if (n instanceof DurationNode d) {
            return ConstEval.ofDuration(d.nanos());
        }
        if (n instanceof StringNode s) {
            return ConstEval.ofString(s.literal());
        }
        if (n instanceof RegexNode r) {
            return ConstEval.ofRegex(compileRegex(r.pattern()), r.literal());
        }
        if (n instanceof ReferenceNode r) {
            references.add(r.reference());
            return new ReferenceEval(r.reference());
        }
        if (n instanceof BinaryNode b) {
            return buildBinary(b);
        }
        if (n instanceof UnaryNode u) {
            if (u.operator() != TokenType.NOT && u.operator() != TokenType.MINUS) {
                throw new ExprException("Invalid unary operator: \"" + u.operator().text() + "\"");
            }
            Eval inner;
            try {
                inner = build(u.node());
            } catch (ExprException e) {
                throw new ExprException("Failed to handle node: " + e.getMessage());
            }
            return new UnaryEval(u.operator(), inner, constantType(u));
        }
        if (n instanceof FunctionNode f) {
            return buildFunction(f);
        }
        if (n instanceof LambdaNode l) {
            // A nested lambda keeps its own function state, compiled separately.
            Expr inner;
            try {
                inner = compileNode(l.expression());
            } catch (ExprException e) {
                throw new ExprException("Failed to handle node: " + e.getMessage());
            }
            references.addAll(inner.references());
            return new LambdaEval(inner.root(), constantType(l.expression()), inner.newState());
        }
        throw new ExprException("Given node type is not valid evaluation node: *ast." + n.getClass().getSimpleName());
    }

    private Eval buildBinary(BinaryNode b) {
        if (!b.operator().isExprOperator()) {
            throw new ExprException("unknown binary operator " + b.operator().text());
        }
        Eval left;
        Eval right;
        try {
            left = build(b.left());
        } catch (ExprException e) {
            throw new ExprException("Failed to handle left node: " + e.getMessage());
        }
        try {
            right = build(b.right());
        } catch (ExprException e) {
            throw new ExprException("Failed to handle right node: " + e.getMessage());
        }
        return new BinaryEval(b.operator(), left, right, constantType(b), constantType(b.left()),
            constantType(b.right()));
    }

    private Eval buildFunction(FunctionNode f) {
        Eval[] args = new Eval[f.args().size()];
        for (int i = 0; i < args.length; i++) {
            try {
                args[i] = build(f.args().get(i));
            } catch (ExprException e) {
                throw new ExprException("Failed to handle " + (i + 1) + " argument: " + e.getMessage());
            }
        }
        Supplier<Func> factory = Builtins.stateful(f.func());
        if (factory != null) {
            // Kapacitor keeps one instance per function name per expression, so two count() calls share a counter.
            Integer slot = slots.get(f.func());
            if (slot == null) {
                slot = factories.size();
                slots.put(f.func(), slot);
                factories.add(factory);
            }
            return new FunctionEval(f.func(), args, null, slot);
        }
        return new FunctionEval(f.func(), args, Builtins.stateless(f.func()), -1);
    }

    /** The type a node has whatever the scope, or INVALID when it depends on references or calls. */
    static ValueType constantType(Node n) {
        if (n instanceof NumberNode num) {
            return num.isInt() ? ValueType.INT : ValueType.FLOAT;
        }
        if (n instanceof DurationNode) {
            return ValueType.DURATION;
        }
        if (n instanceof StringNode) {
            return ValueType.STRING;
        }
        if (n instanceof BoolNode) {
            return ValueType.BOOL;
        }
        if (n instanceof RegexNode) {
            return ValueType.REGEX;
        }
        if (n instanceof UnaryNode u) {
            if (u.operator() == TokenType.NOT) {
                return ValueType.BOOL;
            }
            return u.operator() == TokenType.MINUS ? constantType(u.node()) : ValueType.INVALID;
        }
        if (n instanceof BinaryNode b) {
            if (b.operator().isComparisonOperator() || b.operator().isLogicalOperator()) {
                return ValueType.BOOL;
            }
            BinaryFn fn = BinaryFns.lookup(b.operator(), constantType(b.left()), constantType(b.right()));
            return fn == null ? ValueType.INVALID : fn.ret;
        }
        if (n instanceof LambdaNode l) {
            return constantType(l.expression());
        }
        return ValueType.INVALID;
    }

    private static java.util.regex.Pattern compileRegex(String re2) {
        try {
            return GoRegex.compile(re2);
        } catch (IllegalArgumentException e) {
            throw new ExprException(e.getMessage());
        }
    }
}
