package kapacitor.tick.eval;

/**
 * A TICKscript var (Kapacitor's tick.Var). Values per type: Boolean, Long, Double, String,
 * {@link kapacitor.pipeline.DurationValue}, {@link kapacitor.pipeline.Regex}, {@link kapacitor.tick.ast.LambdaNode},
 * {@link kapacitor.pipeline.Star}, {@code List<TickVar>}. The value is null for a template's typed declaration
 * ({@code var x int}) that has no default.
 */
public record TickVar(ValueType type, Object value, String description) {

    public TickVar {
        description = description == null ? "" : description;
    }

    public TickVar(ValueType type, Object value) {
        this(type, value, "");
    }
}
