package kapacitor.tick.expr;

/**
 * The state of an expression's stateful functions (sigma, count, spread, rand) for one group. Create it with
 * {@link Expr#newState()}, keep one per group, and pass it to every evaluation for that group.
 */
public final class ExprState {
    private final Expr owner;
    private final Func[] funcs;

    ExprState(Expr owner, Func[] funcs) {
        this.owner = owner;
        this.funcs = funcs;
    }

    Expr owner() {
        return owner;
    }

    Func func(int slot) {
        return funcs[slot];
    }

    /** Forgets all accumulated state, as Kapacitor's Expression.Reset. */
    public void reset() {
        for (Func f : funcs) {
            f.reset();
        }
    }
}
