package kapacitor.pipeline;

/**
 * A `lambda: ...` argument. The expression AST belongs to the TICKscript packages, so the pipeline keeps it
 * opaque; the runtime compiles it. {@link DeadmanCondition} is the one expression built here.
 */
public record LambdaValue(Object ast) {
}
