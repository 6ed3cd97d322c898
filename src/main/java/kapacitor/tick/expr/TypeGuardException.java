package kapacitor.tick.expr;

/**
 * A node was asked for a value of one type but holds another. Binary nodes catch it to re-specialize to the types
 * actually seen, as Kapacitor's evaluator does; otherwise it surfaces with Kapacitor's "TypeGuard" text.
 */
public final class TypeGuardException extends ExprException {
    private final ValueType requested;
    private final ValueType actual;

    public TypeGuardException(ValueType requested, ValueType actual) {
        super("TypeGuard: expression returned unexpected type " + actual + ", expected " + requested);
        this.requested = requested;
        this.actual = actual;
    }

    public ValueType requested() {
        return requested;
    }

    public ValueType actual() {
        return actual;
    }
}
