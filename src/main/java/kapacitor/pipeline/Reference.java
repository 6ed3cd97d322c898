package kapacitor.pipeline;

/** A double-quoted reference ("field") used as an argument; only lambdas accept it, Kapacitor hints at quotes. */
public record Reference(String name) {
}
