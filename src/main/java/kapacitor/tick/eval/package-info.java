/**
 * Kapacitor's TICKscript evaluator: {@link kapacitor.tick.eval.TickCompiler} turns a parsed script into a
 * {@link kapacitor.pipeline.Pipeline} (tasks) or a pipeline plus declared vars (templates), with Kapacitor's scope,
 * var and error semantics. Expressions outside lambdas are folded here; lambdas are left to the expression layer.
 */
package kapacitor.tick.eval;
