package kapacitor.tick.eval;

import kapacitor.pipeline.DurationValue;

/**
 * The value of the global {@code time(length[, offset])} function, used as a batch query groupBy dimension
 * ({@code .groupBy(time(1m), *)}), Kapacitor's kapacitor.TimeDimension.
 */
public record TimeDimension(DurationValue length, DurationValue offset) {

    /** Kapacitor's Go type name, as printed in its errors. */
    public static final String GO_TYPE = "kapacitor.TimeDimension";
}
