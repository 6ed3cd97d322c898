package kapacitor.lineprotocol;

/** Number parsing on byte ranges that allocates nothing in the common cases. */
final class FastNumbers {
    static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    static final long MAX_EXACT_MANTISSA = 1L << 53;

    private FastNumbers() {
    }

    /**
     * Parses {@code [-]digits[.digits]} when the result is provably the correctly rounded value (Clinger's fast
     * path: mantissa below 2^53 and at most 22 fraction digits, so one IEEE division of two exact numbers); returns
     * NaN when the range is outside that form and the caller must use Double.parseDouble.
     */
    static double simpleDecimal(byte[] buf, int from, int to) {
        int i = from;
        boolean negative = buf[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean dot = false;
        for (; i < to; i++) {
            int c = buf[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (dot) {
                    fractionDigits++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || mantissa > MAX_EXACT_MANTISSA || fractionDigits > 22) {
            return Double.NaN;
        }
        double v = fractionDigits == 0 ? (double) mantissa : mantissa / POW10[fractionDigits];
        return negative ? -v : v;
    }

    /**
     * Parses {@code [-]digits} as a signed 64-bit integer. Returns false on overflow (the caller reports it);
     * the value is left in {@code out[0]}.
     */
    static boolean parseLong(byte[] buf, int from, int to, long[] out) {
        int i = from;
        boolean negative = buf[i] == '-';
        if (negative) {
            i++;
        }
        // Accumulate negatively so that Long.MIN_VALUE parses.
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (v < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return false;
            }
            v = -v;
        }
        out[0] = v;
        return true;
    }

    /** Parses {@code digits} as an unsigned 64-bit integer (two's complement bits); false on overflow. */
    static boolean parseUnsigned(byte[] buf, int from, int to, long[] out) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = buf[i] - '0';
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                return false;
            }
            v = v * 10 + d;
        }
        out[0] = v;
        return true;
    }
}
