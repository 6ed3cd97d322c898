package kapacitor.lineprotocol;

/**
 * Timestamp precision of a line protocol body, as given by the {@code precision} query parameter of a write.
 */
public enum Precision {
    NANOSECONDS(1L, "ns"),
    MICROSECONDS(1_000L, "u"),
    MILLISECONDS(1_000_000L, "ms"),
    SECONDS(1_000_000_000L, "s"),
    MINUTES(60_000_000_000L, "m"),
    HOURS(3_600_000_000_000L, "h");

    private final long nanos;
    private final String token;

    Precision(long nanos, String token) {
        this.nanos = nanos;
        this.token = token;
    }

    /** Nanoseconds in one unit. */
    public long nanos() {
        return nanos;
    }

    /** The canonical query-string value ("ns", "u", "ms", "s", "m", "h"). */
    public String token() {
        return token;
    }

    /**
     * Parses a query-string value: null, "", "n", "ns" are nanoseconds; "u", "us", "µ" (micro sign or Greek mu)
     * microseconds; "ms", "s", "m", "h".
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Precision parse(String value) {
        if (value == null) {
            return NANOSECONDS;
        }
        switch (value) {
            case "":
            case "n":
            case "ns":
                return NANOSECONDS;
            case "u":
            case "us":
            case "\u00b5":
            case "\u03bc":
                return MICROSECONDS;
            case "ms":
                return MILLISECONDS;
            case "s":
                return SECONDS;
            case "m":
                return MINUTES;
            case "h":
                return HOURS;
            default:
                throw new IllegalArgumentException("invalid precision \"" + value + "\"");
        }
    }

    /** {@code time} in this unit as epoch nanoseconds; throws ArithmeticException on overflow. */
    public long toNanos(long time) {
        return Math.multiplyExact(time, nanos);
    }

    /** Epoch nanoseconds in this unit, truncated toward zero like InfluxDB's {@code UnixNano() / multiplier}. */
    public long fromNanos(long epochNanos) {
        return epochNanos / nanos;
    }

    /**
     * Rounds a nanosecond time down to a whole unit, as InfluxDB does to the server time it gives lines without a
     * timestamp (Go's Time.Truncate: the epoch offset from year 1 is a whole number of hours, so floor works).
     */
    public long truncate(long epochNanos) {
        return nanos == 1 ? epochNanos : Math.floorDiv(epochNanos, nanos) * nanos;
    }
}
