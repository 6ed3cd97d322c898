/**
 * Kapacitor's lambda expressions: {@link kapacitor.tick.expr.ExprCompiler} turns a parsed lambda into an
 * {@link kapacitor.tick.expr.Expr}, a tree of small evaluators that specialise to the operand types they meet
 * (Kapacitor's tick/stateful package). Evaluation reads a {@link kapacitor.model.Point} through a reusable
 * {@link kapacitor.tick.expr.PointScope} or any {@link kapacitor.tick.expr.Scope}; stateful functions keep their
 * per-group state in an {@link kapacitor.tick.expr.ExprState}. Errors are
 * {@link kapacitor.tick.expr.ExprException}s with Kapacitor's texts.
 */
package kapacitor.tick.expr;
