package kapacitor.pipeline;

/** A TICKscript regex literal `/.../`, kept as its pattern text. */
public record Regex(String pattern) {
}
