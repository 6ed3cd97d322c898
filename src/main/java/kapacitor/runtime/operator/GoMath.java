package kapacitor.runtime.operator;

/** Go's math functions where Java's results may differ in the last bit, so forecasts match Kapacitor's exactly. */
final class GoMath {
    private GoMath() {
    }

    /**
     * Go's math.Pow for a non-negative integer exponent and a finite base: repeated squaring of the mantissa with the
     * exponent kept apart, then one scaling (Java's Math.pow rounds differently).
     */
    static double powInt(double x, long y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (y == 1) {
            return x;
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 0) {
            // Go: a zero base to a positive odd integer keeps its sign, otherwise +0.
            return (y & 1) == 1 ? x : 0.0;
        }
        if (Double.isInfinite(x)) {
            return x < 0 && (y & 1) == 1 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        long ae = 0;
        int xe = Math.getExponent(x);
        double x1;
        if (xe == Double.MIN_EXPONENT - 1) {
            // Subnormal: normalise first, as Go's Frexp does.
            double n = x * 0x1p52;
            xe = Math.getExponent(n) - 52;
            x1 = Math.scalb(n, -(Math.getExponent(n) + 1));
        } else {
            x1 = Math.scalb(x, -(xe + 1));
        }
        long e = xe + 1;
        for (long i = y; i != 0; i >>= 1) {
            if (e < -(1 << 12) || (1 << 12) < e) {
                ae += e;
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += e;
            }
            x1 *= x1;
            e <<= 1;
            if (Math.abs(x1) < 0.5) {
                x1 += x1;
                e--;
            }
        }
        return ldexp(a1, ae);
    }

    /** Go's math.Ldexp: frac × 2^exp with Go's rounding of subnormal results. */
    static double ldexp(double frac, long exp) {
        if (exp > 2000) {
            return frac < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (exp < -2000) {
            return frac < 0 ? -0.0 : 0.0;
        }
        return Math.scalb(frac, (int) exp);
    }
}
