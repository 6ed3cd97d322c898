package kapacitor.tick.expr;

/** Go math functions whose special cases differ from, or are missing in, java.lang.Math. */
final class GoMath {
    private GoMath() {
    }

    static double max(double x, double y) {
        if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(x, y);
    }

    static double min(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.min(x, y);
    }

    static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }

    static double pow10(long n) {
        if (n < -323) {
            return 0;
        }
        if (n > 308) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble("1e" + n);
    }

    static double trunc(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    static double exp2(double x) {
        return Math.pow(2, x);
    }

    static double log2(double x) {
        // Exact for powers of two, as Go's Log2 is.
        if (x > 0 && !Double.isInfinite(x) && Double.MIN_NORMAL <= x && (Double.doubleToRawLongBits(x)
            & 0x000fffffffffffffL) == 0) {
            return Math.getExponent(x);
        }
        return Math.log(x) * (1 / Math.log(2));
    }

    static double logb(double x) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(x)) {
            return x;
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            // Subnormal: Go normalises the mantissa first.
            e = Math.getExponent(x * 0x1p52) - 52;
        }
        return e;
    }

    static double asinh(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a > 0x1p28) {
            r = Math.log(a) + Math.log(2);
        } else if (a > 2) {
            r = Math.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
        } else {
            double t = a * a;
            r = Math.log1p(a + t / (1 + Math.sqrt(1 + t)));
        }
        return x < 0 ? -r : r;
    }

    static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x >= 0x1p28) {
            return Math.log(x) + Math.log(2);
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        if (x < -1 || x > 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        double a = Math.abs(x);
        double r = a < 0.5 ? 0.5 * Math.log1p(2 * a + 2 * a * a / (1 - a)) : 0.5 * Math.log1p((a + a) / (1 - a));
        return x < 0 ? -r : r;
    }
}
