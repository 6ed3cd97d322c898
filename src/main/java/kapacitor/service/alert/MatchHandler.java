package kapacitor.service.alert;

import kapacitor.util.GoQuote;

import io.vertx.core.Future;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.handler.AlertHandler;
import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.ReferenceNode;
import kapacitor.tick.ast.UnaryNode;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprCompiler;
import kapacitor.tick.expr.ExprState;
import kapacitor.tick.expr.MapScope;
import kapacitor.tick.parser.TickParser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes an event to the wrapped handler only when the spec's match expression holds (Kapacitor's matchHandler):
 * a lambda over the event's tags, the level names OK..CRITICAL, and the functions {@code changed()},
 * {@code level()}, {@code name()}, {@code taskName()} and {@code alertDuration()}. Runs on the handler's context.
 */
final class MatchHandler implements AlertHandler {
    /** The event functions become references to these scope names, which no tag can have. */
    private static final Map<String, String> FUNCTIONS = Map.of(
        "changed", "\u0000changed", "level", "\u0000level", "name", "\u0000name",
        "taskName", "\u0000taskName", "alertDuration", "\u0000alertDuration");

    private final AlertHandler inner;
    private final Expr expr;
    private final ExprState state;
    private final List<String> tagRefs = new ArrayList<>();

    private MatchHandler(AlertHandler inner, Expr expr) {
        this.inner = inner;
        this.expr = expr;
        this.state = expr.newState();
        for (String r : expr.references()) {
            if (!r.startsWith("\u0000")) {
                tagRefs.add(r);
            }
        }
    }

    /** Compiles the expression; fails with Kapacitor's texts for syntax errors and unknown identifiers. */
    static MatchHandler wrap(String match, AlertHandler inner) {
        LambdaNode lambda;
        try {
            lambda = TickParser.parseLambda(match);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid match expression: " + e.getMessage());
        }
        Node rewritten = rewrite(lambda.expression());
        try {
            return new MatchHandler(inner, ExprCompiler.compileNode(rewritten));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid match expression: " + e.getMessage());
        }
    }

    private static Node rewrite(Node n) {
        if (n instanceof IdentifierNode id) {
            Level level = levelNamed(id.ident());
            if (level == null) {
                throw new IllegalArgumentException("unknown identifier " + GoQuote.quote(id.ident()));
            }
            return new NumberNode(id.position(), true, level.ordinal(), 0, 10, null);
        }
        if (n instanceof FunctionNode f && f.args().isEmpty() && FUNCTIONS.containsKey(f.func())) {
            return new ReferenceNode(f.position(), FUNCTIONS.get(f.func()), null);
        }
        if (n instanceof FunctionNode f) {
            List<Node> args = new ArrayList<>();
            f.args().forEach(a -> args.add(rewrite(a)));
            return new FunctionNode(f.position(), f.type(), f.func(), args, f.multiLine(), f.comment());
        }
        if (n instanceof BinaryNode b) {
            return new BinaryNode(b.position(), b.operator(), rewrite(b.left()), rewrite(b.right()), b.parens(),
                b.multiLine(), b.comment());
        }
        if (n instanceof UnaryNode u) {
            return new UnaryNode(u.position(), u.operator(), rewrite(u.node()), u.comment());
        }
        if (n instanceof LambdaNode l) {
            return new LambdaNode(l.position(), rewrite(l.expression()), l.comment());
        }
        return n;
    }

    private static Level levelNamed(String s) {
        for (Level l : Level.values()) {
            if (l.name().equals(s)) {
                return l;
            }
        }
        return null;
    }

    /** Whether the event matches; a missing tag or an evaluation error is a failure, as in Kapacitor. */
    boolean matches(AlertEvent e) {
        Map<String, Object> values = new HashMap<>();
        for (String tag : tagRefs) {
            String v = e.data().tags().get(tag);
            if (v == null) {
                throw new IllegalStateException("failed to evaluate match expression: no tag exists for " + tag);
            }
            values.put(tag, v);
        }
        Level previous = e.previous() == null ? Level.OK : e.previous().level();
        values.put("\u0000changed", e.state().level() != previous);
        values.put("\u0000level", (long) e.state().level().ordinal());
        values.put("\u0000name", e.data().name());
        values.put("\u0000taskName", e.data().taskName());
        values.put("\u0000alertDuration", Duration.ofNanos(e.state().duration()));
        try {
            return expr.evalBool(MapScope.of(values), state);
        } catch (RuntimeException ex) {
            throw new IllegalStateException("failed to evaluate match expression: " + ex.getMessage(), ex);
        }
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        try {
            return matches(event) ? inner.handle(event) : Future.succeededFuture();
        } catch (IllegalStateException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
