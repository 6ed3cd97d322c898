package kapacitor.runtime.time;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's time arithmetic on epoch nanoseconds where Kapacitor's output depends on it: Truncate and Round count from
 * Go's zero time (January 1, year 1), not from the Unix epoch, and RFC3339Nano drops trailing zeros.
 */
public final class GoTime {
    /** Seconds from Go's zero time to the Unix epoch. */
    private static final long ZERO_TO_UNIX_SECONDS = 62_135_596_800L;
    private static final long SECOND = 1_000_000_000L;
    private static final BigInteger ZERO_TO_UNIX_NANOS = BigInteger.valueOf(ZERO_TO_UNIX_SECONDS)
        .multiply(BigInteger.valueOf(SECOND));
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    /** Go's {@code t.Truncate(d)}: rounds down to a multiple of d since the zero time; d <= 0 returns t. */
    public static long truncate(long t, long d) {
        if (d <= 0) {
            return t;
        }
        return t - mod(t, d);
    }

    /** Go's {@code t.Round(d)}: the nearest multiple of d since the zero time, halfway values rounding up. */
    public static long round(long t, long d) {
        if (d <= 0) {
            return t;
        }
        long r = mod(t, d);
        if (r + r < d) {
            return t - r;
        }
        return t + (d - r);
    }

    /** The remainder of the time since Go's zero time divided by d (always >= 0). */
    static long mod(long t, long d) {
        if (d % SECOND == 0) {
            long ds = d / SECOND;
            long sec = Math.floorDiv(t, SECOND);
            long nsec = Math.floorMod(t, SECOND);
            long absSec = Math.floorMod(sec, ds) + Math.floorMod(ZERO_TO_UNIX_SECONDS, ds);
            return Math.floorMod(absSec, ds) * SECOND + nsec;
        }
        if (SECOND % d == 0) {
            return Math.floorMod(t, d);
        }
        return BigInteger.valueOf(t).add(ZERO_TO_UNIX_NANOS).mod(BigInteger.valueOf(d)).longValue();
    }

    /** Go's {@code t.UTC().Format(time.RFC3339Nano)}. */
    public static String formatRfc3339Nano(long t) {
        long sec = Math.floorDiv(t, SECOND);
        int nanos = (int) Math.floorMod(t, SECOND);
        StringBuilder b = new StringBuilder(30).append(SECONDS.format(Instant.ofEpochSecond(sec)));
        if (nanos != 0) {
            // The nine-digit fraction without its trailing zeros (no java.util.Formatter on this path).
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            String frac = Integer.toString(nanos);
            b.append('.');
            for (int i = frac.length(); i < digits; i++) {
                b.append('0');
            }
            b.append(frac);
        }
        return b.append('Z').toString();
    }
}
