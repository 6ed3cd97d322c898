package kapacitor.runtime.operator;

import kapacitor.model.Point;

/**
 * One output of an InfluxQL reducer: its value (Double, Long, String or Boolean), its time ({@link #ZERO_TIME} when
 * the function has none) and, for selectors, the point it selected.
 */
record ReducedPoint(long time, Object value, Point selected) {
    /** InfluxDB's ZeroTime: "no time", replaced by the batch time on output. */
    static final long ZERO_TIME = Long.MIN_VALUE;
}
