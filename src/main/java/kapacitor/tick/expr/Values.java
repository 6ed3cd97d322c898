package kapacitor.tick.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Conversions between Go's value semantics and Java's boxed expression values. */
final class Values {
    private Values() {
    }

    static long durationNanos(Duration d) {
        return d.toNanos();
    }

    static Duration duration(long nanos) {
        return Duration.ofNanos(nanos);
    }

    static long instantNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    /**
     * Go's {@code int64(f)} as compiled for amd64: NaN and out-of-range values become the minimum int64 instead of
     * saturating as Java's cast does.
     */
    static long goInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** Go's {@code uint64(f)} as compiled for amd64, kept in a long's bits. */
    static long goUint64(double f) {
        if (f >= 0x1p63) {
            return goInt64(f - 0x1p63) ^ Long.MIN_VALUE;
        }
        return goInt64(f);
    }

    /** Go's {@code %T} of a boxed value, for messages such as "cannot pass string to abs, must be float64". */
    static String goTypeName(Object v) {
        return v == null ? "<nil>" : ValueType.of(v).goTypeName();
    }

    /** Go's {@code %v} of a float64: shortest representation, exponent form below 1e-4 and from 1e21 on. */
    static String formatFloatV(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f) < 0 ? "-0" : "0";
        }
        BigDecimal d = shortestDecimal(f);
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 21) {
            String digits = d.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder(f < 0 ? "-" : "");
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            return sb.append(a).toString();
        }
        return d.toPlainString();
    }

    /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: shortest representation, never an exponent. */
    static String formatFloatF(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f) < 0 ? "-0" : "0";
        }
        return shortestDecimal(f).toPlainString();
    }

    /**
     * The shortest decimal that reads back as {@code f}, the nearest one among equals, as Go's formatting picks
     * (Java 17's Double.toString is not always shortest: it prints 1e23 as 9.999999999999999E22).
     */
    static BigDecimal shortestDecimal(double f) {
        BigDecimal exact = new BigDecimal(f);
        for (int p = 1; p < 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == f) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Compares strings by code point, which is Go's byte order of their UTF-8 encodings. */
    static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs == ys) {
                    return x < y ? -1 : 1;
                }
                // A surrogate encodes a code point above every BMP char, including those above the surrogate range.
                return xs ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
