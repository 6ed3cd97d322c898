package kapacitor.runtime.operator;

import kapacitor.pipeline.LambdaValue;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprCompiler;
import kapacitor.tick.expr.ExprException;
import kapacitor.tick.expr.ExprState;

/** Turns pipeline lambda values into compiled expressions; one compile per task start. */
final class Lambdas {
    private Lambdas() {
    }

    static Expr compile(Object value, String what) {
        if (!(value instanceof LambdaValue lv) || !(lv.ast() instanceof LambdaNode node)) {
            throw new IllegalArgumentException(what + ": lambda expression is not supported here");
        }
        try {
            return ExprCompiler.compile(node);
        } catch (ExprException e) {
            throw new IllegalArgumentException("Failed to compile " + what + " expression: " + e.getMessage(), e);
        }
    }

    /** A predicate with one state shared by every point (from() is not grouped). */
    static PointPredicate predicate(Expr expr) {
        ExprState state = expr.newState();
        return p -> {
            try {
                return expr.evalBool(p, state);
            } catch (ExprException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }
}
