package kapacitor.util;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} and {@code time.Duration.String()}, the duration syntax of Kapacitor's
 * configuration file ("10s", "1m0s", "1h2m3.5s", "500ms", "1us", "1µs", "0").
 *
 * <p>TICKscript's extra units ("d", "w") are deliberately rejected: a configuration value that
 * Kapacitor refuses must be refused here too.
 */
public final class Durations {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private Durations() {
    }

    /** Parses a Go duration string; throws {@link IllegalArgumentException} with Go's message on bad input. */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** Parses a Go duration string to nanoseconds. */
    public static long parseNanos(String text) {
        if (text == null) {
            throw new IllegalArgumentException("time: invalid duration \"null\"");
        }
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            }
            long scale = unitNanos(unit, text);
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                .multiply(BigDecimal.valueOf(scale)));
        }
        BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE);
        if (total.compareTo(limit) > 0) {
            throw invalid(text);
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }

    /** Formats like Go's {@code time.Duration.String()}: "0s", "1m0s", "1h2m3.5s", "500ms", "1.5µs". */
    public static String format(Duration duration) {
        return formatNanos(duration.toNanos());
    }

    /** Formats nanoseconds like Go's {@code time.Duration.String()}. */
    public static String formatNanos(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Long.MIN_VALUE has no positive counterpart; BigDecimal keeps the arithmetic exact.
        BigDecimal abs = BigDecimal.valueOf(nanos).abs();
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        if (abs.compareTo(BigDecimal.valueOf(NANOS_PER_SECOND)) < 0) {
            long n = abs.longValue();
            if (n < NANOS_PER_MICRO) {
                return out.append(n).append("ns").toString();
            }
            if (n < NANOS_PER_MILLI) {
                return out.append(fraction(n, NANOS_PER_MICRO)).append("µs").toString();
            }
            return out.append(fraction(n, NANOS_PER_MILLI)).append("ms").toString();
        }
        BigDecimal hourNanos = BigDecimal.valueOf(NANOS_PER_HOUR);
        BigDecimal minuteNanos = BigDecimal.valueOf(NANOS_PER_MINUTE);
        BigDecimal[] hours = abs.divideAndRemainder(hourNanos);
        BigDecimal[] minutes = hours[1].divideAndRemainder(minuteNanos);
        String seconds = fraction(minutes[1].longValue(), NANOS_PER_SECOND) + "s";
        if (hours[0].signum() > 0) {
            out.append(hours[0].toPlainString()).append('h').append(minutes[0].toPlainString()).append('m');
        } else if (minutes[0].signum() > 0) {
            out.append(minutes[0].toPlainString()).append('m');
        }
        return out.append(seconds).toString();
    }

    private static String fraction(long value, long unit) {
        BigDecimal d = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }

    private static long unitNanos(String unit, String text) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
            case "µs":
            case "μs":
                return NANOS_PER_MICRO;
            case "ms":
                return NANOS_PER_MILLI;
            case "s":
                return NANOS_PER_SECOND;
            case "m":
                return NANOS_PER_MINUTE;
            case "h":
                return NANOS_PER_HOUR;
            default:
                throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
