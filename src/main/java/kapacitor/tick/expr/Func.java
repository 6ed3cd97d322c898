package kapacitor.tick.expr;

/**
 * A built-in function. {@link #call} receives boxed arguments (see {@link Scope#get}) and throws
 * {@link ExprException} with Kapacitor's message, which the caller prefixes with {@code error calling "name": }.
 */
interface Func {
    Signature signature();

    Object call(Object[] args);

    /** Clears per-group state; only stateful functions (sigma, count, spread) have any. */
    default void reset() {
    }
}
