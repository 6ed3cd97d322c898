package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprException;
import kapacitor.tick.expr.ExprState;

import java.util.ArrayList;
import java.util.List;

/** Kapacitor's where node: keeps points (and batch points) passing the lambda; stateful functions count per group. */
public final class WhereOperator extends GroupedOperator<ExprState> {
    private final Expr expr;

    public WhereOperator(Expr expr) {
        this.expr = expr;
    }

    @Override
    protected ExprState newGroup(Message first) {
        return expr.newState();
    }

    @Override
    protected void onPoint(ExprState state, PointMessage p, Output out) {
        if (pass(state, p.point(), out)) {
            out.emit(p);
        }
    }

    @Override
    protected void onBatch(ExprState state, BatchMessage b, Output out) {
        List<Point> kept = new ArrayList<>();
        for (Point bp : b.points()) {
            if (pass(state, bp, out)) {
                kept.add(bp);
            }
        }
        out.emit(b.withPoints(kept));
    }

    private boolean pass(ExprState state, Point p, Output out) {
        try {
            return expr.evalBool(p, state);
        } catch (ExprException e) {
            out.error("error while evaluating expression: " + e.getMessage());
            return false;
        }
    }
}
