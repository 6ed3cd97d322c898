package kapacitor.pipeline;

/** Go's time.Duration formatting ("1h0m0s", "10s", "1.5ms", "0s"). */
public final class GoDurations {

    private GoDurations() {
    }

    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Long.MIN_VALUE has no positive counterpart; Go prints it the same way via unsigned math.
        java.math.BigInteger u = java.math.BigInteger.valueOf(nanos).abs();
        String body;
        if (u.compareTo(java.math.BigInteger.valueOf(1_000_000_000L)) < 0) {
            long v = u.longValue();
            if (v < 1_000) {
                body = v + "ns";
            } else if (v < 1_000_000) {
                body = fraction(v, 3) + "µs";
            } else {
                body = fraction(v, 6) + "ms";
            }
        } else {
            java.math.BigInteger[] secRem = u.divideAndRemainder(java.math.BigInteger.valueOf(1_000_000_000L));
            long secsTotal = secRem[0].longValue();
            long fracNanos = secRem[1].longValue();
            long hours = secsTotal / 3600;
            long minutes = (secsTotal % 3600) / 60;
            long seconds = secsTotal % 60;
            String secs = fraction(seconds * 1_000_000_000L + fracNanos, 9) + "s";
            if (hours > 0) {
                body = hours + "h" + minutes + "m" + secs;
            } else if (minutes > 0) {
                body = minutes + "m" + secs;
            } else {
                body = secs;
            }
        }
        return negative ? "-" + body : body;
    }

    /** Prints v / 10^digits with trailing zeros of the fraction removed, as Go's fmtFrac does. */
    private static String fraction(long v, int digits) {
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long whole = v / scale;
        long frac = v % scale;
        if (frac == 0) {
            return Long.toString(whole);
        }
        StringBuilder f = new StringBuilder(Long.toString(frac));
        while (f.length() < digits) {
            f.insert(0, '0');
        }
        int end = f.length();
        while (end > 0 && f.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + f.substring(0, end);
    }
}
