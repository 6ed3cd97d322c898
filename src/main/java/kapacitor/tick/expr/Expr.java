package kapacitor.tick.expr;

import java.util.List;
import java.util.function.Supplier;
import kapacitor.model.Point;

/**
 * A compiled lambda. Evaluate it against a {@link Point} (fields, tags and "time", as Kapacitor fills a scope) or
 * any {@link Scope}, passing the {@link ExprState} of the group being evaluated. Not thread-safe: the tree keeps
 * per-node type specialisations and a reusable point scope, so each task compiles its own.
 * Errors are {@link ExprException}s carrying Kapacitor's message texts.
 */
public final class Expr {
    private final Eval root;
    private final List<String> references;
    private final List<Supplier<Func>> stateFactories;
    private final PointScope pointScope;

    Expr(Eval root, List<String> references, List<Supplier<Func>> stateFactories) {
        this.root = root;
        this.references = references;
        this.stateFactories = List.copyOf(stateFactories);
        this.pointScope = new PointScope(references);
    }

    Eval root() {
        return root;
    }

    /** The names the expression references, in order of first appearance. */
    public List<String> references() {
        return references;
    }

    /** Fresh state for one group: its own sigma/count/spread accumulators. */
    public ExprState newState() {
        Func[] funcs = new Func[stateFactories.size()];
        for (int i = 0; i < funcs.length; i++) {
            funcs[i] = stateFactories.get(i).get();
        }
        return new ExprState(this, funcs);
    }

    /** The state must come from this expression when it has stateful functions; otherwise it may be null. */
    private ExprState check(ExprState st) {
        if (!stateFactories.isEmpty() && (st == null || st.owner() != this)) {
            throw new IllegalArgumentException("ExprState was not created by newState() of this expression");
        }
        return st;
    }

    /** The point as a scope; the returned object is reused by the next call. */
    public PointScope scope(Point p) {
        return pointScope.reset(p);
    }

    /** The point plus values for names it lacks (an eval node's earlier results); reused by the next call. */
    public PointScope scope(Point p, java.util.Map<String, ?> extraValues) {
        return pointScope.reset(p, extraValues);
    }

    /** The result type for this scope; checks function signatures. */
    public ValueType type(Scope s) {
        return root.type(s);
    }

    /** A predicate as Kapacitor's EvalPredicate: the signature check, then the boolean value. */
    public boolean evalBool(Point p, ExprState st) {
        return evalBool(pointScope.reset(p), st);
    }

    public boolean evalBool(Scope s, ExprState st) {
        root.type(s);
        return root.evalBool(s, check(st));
    }

    public double evalFloat(Point p, ExprState st) {
        return root.evalFloat(pointScope.reset(p), check(st));
    }

    public double evalFloat(Scope s, ExprState st) {
        return root.evalFloat(s, check(st));
    }

    public long evalInt(Point p, ExprState st) {
        return root.evalInt(pointScope.reset(p), check(st));
    }

    public long evalInt(Scope s, ExprState st) {
        return root.evalInt(s, check(st));
    }

    public String evalString(Point p, ExprState st) {
        return root.evalString(pointScope.reset(p), check(st));
    }

    public String evalString(Scope s, ExprState st) {
        return root.evalString(s, check(st));
    }

    /** Nanoseconds. */
    public long evalDuration(Point p, ExprState st) {
        return root.evalDuration(pointScope.reset(p), check(st));
    }

    public long evalDuration(Scope s, ExprState st) {
        return root.evalDuration(s, check(st));
    }

    /**
     * The boxed value (Double, Long, String, Boolean, java.time.Duration) as Kapacitor's Expression.Eval: the type
     * is determined first, and a missing reference is an error.
     */
    public Object eval(Point p, ExprState st) {
        return eval(pointScope.reset(p), st);
    }

    public Object eval(Scope s, ExprState st) {
        ValueType t = root.type(s);
        check(st);
        switch (t) {
            case INT:
                return root.evalInt(s, st);
            case FLOAT:
                return root.evalFloat(s, st);
            case STRING:
                return root.evalString(s, st);
            case BOOL:
                return root.evalBool(s, st);
            case DURATION:
                return Values.duration(root.evalDuration(s, st));
            case MISSING:
                return root.evalMissing(s, st);
            default:
                throw new ExprException("expression returned unexpected type " + t);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
