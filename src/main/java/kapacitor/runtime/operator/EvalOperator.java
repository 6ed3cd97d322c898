package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprException;
import kapacitor.tick.expr.ExprState;
import kapacitor.tick.expr.Missing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kapacitor's eval node: evaluates its lambdas in order (each sees the earlier results), stores them as fields or,
 * for names listed in tags(), as tags; keep() keeps the existing fields (or only those listed).
 */
public final class EvalOperator extends GroupedOperator<ExprState[]> {
    private final List<Expr> exprs;
    private final List<String> as;
    private final Set<String> tags;
    private final boolean keep;
    private final List<String> keepList;
    private final boolean quiet;
    private final ResultScope scope = new ResultScope();

    public EvalOperator(List<Expr> exprs, List<String> as, Set<String> tags, boolean keep, List<String> keepList,
                        boolean quiet) {
        if (as.size() != exprs.size()) {
            throw new IllegalArgumentException("must provide one name per expression via the 'As' property");
        }
        this.exprs = List.copyOf(exprs);
        this.as = List.copyOf(as);
        this.tags = Set.copyOf(tags);
        this.keep = keep;
        this.keepList = List.copyOf(keepList);
        this.quiet = quiet;
    }

    @Override
    protected ExprState[] newGroup(Message first) {
        ExprState[] states = new ExprState[exprs.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = exprs.get(i).newState();
        }
        return states;
    }

    @Override
    protected void onPoint(ExprState[] states, PointMessage p, Output out) {
        Point np = eval(states, p.point(), out);
        if (np != null) {
            out.emit(np.tags() == p.point().tags() ? p.withPoint(np) : PointMessage.of(np, p.dims()));
        }
    }

    @Override
    protected void onBatch(ExprState[] states, BatchMessage b, Output out) {
        List<Point> points = new ArrayList<>(b.points().size());
        for (Point bp : b.points()) {
            Point np = eval(states, bp, out);
            if (np != null) {
                points.add(np);
            }
        }
        out.emit(b.withPoints(points));
    }

    private Point eval(ExprState[] states, Point p, Output out) {
        try {
            return evalOrThrow(states, p);
        } catch (ExprException | IllegalArgumentException e) {
            if (!quiet) {
                out.error("error evaluating expression: " + e.getMessage());
            }
            return null;
        }
    }

    private Point evalOrThrow(ExprState[] states, Point p) {
        scope.clear();
        for (int i = 0; i < exprs.size(); i++) {
            Expr e = exprs.get(i);
            Object v = e.eval(scope.reset(e.scope(p)), states[i]);
            if (v == Missing.VALUE) {
                throw new ExprException("expression returned a missing value");
            }
            scope.put(as.get(i), v instanceof Duration d ? (Object) d.toNanos() : v);
        }
        Tags newTags = p.tags();
        if (!tags.isEmpty()) {
            TreeMap<String, String> t = p.tags().toMap();
            for (String tag : tags) {
                Object v = scope.has(tag) ? scope.result(tag) : p.tags().get(tag);
                if (!(v instanceof String s)) {
                    throw new IllegalArgumentException("result of a tag expression must be of type string, got "
                        + goType(v));
                }
                t.put(tag, s);
            }
            newTags = Tags.of(t);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (keep && !keepList.isEmpty()) {
            for (String f : keepList) {
                if (scope.has(f)) {
                    fields.put(f, scope.result(f));
                } else if (p.fields().containsKey(f)) {
                    fields.put(f, p.fields().get(f));
                } else {
                    throw new IllegalArgumentException("cannot keep field \"" + f + "\", field does not exist");
                }
            }
        } else if (keep) {
            fields.putAll(p.fields().toMap());
            for (String f : as) {
                fields.put(f, scope.result(f));
            }
        } else {
            for (String f : as) {
                if (!tags.contains(f)) {
                    fields.put(f, scope.result(f));
                }
            }
        }
        return new Point(p.name(), p.db(), p.rp(), newTags, Fields.of(fields), p.time());
    }

    private static String goType(Object v) {
        if (v == null) {
            return "<nil>";
        }
        return FieldKind.of(v).goName();
    }
}
