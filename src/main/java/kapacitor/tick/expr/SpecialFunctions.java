package kapacitor.tick.expr;

import java.math.BigInteger;

/**
 * erf, erfc, gamma and the Bessel functions, which java.lang.Math lacks. Own implementations (series, continued
 * fractions, Stirling's series, Miller's recurrence, Hankel's expansion) with Go's special cases. Go ports FreeBSD's
 * msun instead, so results can differ from Kapacitor's in the last bits: erf and erfc are within 3 ulps of the
 * correctly rounded value, gamma within about 10 (20 for negative arguments), and the Bessel functions within
 * about 2e-16 of max(1, |value|), which near their zeros is many ulps.
 */
final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    private static final double SQRT_TWO_PI = 2.5066282746310002;
    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final double TWO_OVER_PI = 0.6366197723675814;
    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double MAX_GAMMA_ARG = 171.62437695630272;
    private static final double STIRLING_FROM = 10;
    private static final double BESSEL_SMALL = 0x1p-13;
    private static final double HANKEL_FROM = 30;

    private SpecialFunctions() {
    }

    // ---- error function

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a < 0.5) {
            r = erfSeries(a);
        } else if (a >= 6) {
            r = 1;
        } else {
            r = 1 - erfcFraction(a);
        }
        return x < 0 ? -r : r;
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a < 0.5) {
            r = 1 - erfSeries(a);
        } else if (a >= 28) {
            r = 0;
        } else {
            r = erfcFraction(a);
        }
        return x < 0 ? 2 - r : r;
    }

    /** Maclaurin series; for |a| < 0.5 the terms shrink fast enough that cancellation costs nothing. */
    private static double erfSeries(double a) {
        double a2 = a * a;
        double term = a;
        double sum = a;
        for (int n = 1; n < 60; n++) {
            term *= -a2 / n;
            double c = term / (2 * n + 1);
            sum += c;
            if (Math.abs(c) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return sum * TWO_OVER_SQRT_PI;
    }

    /** Laplace's continued fraction evaluated bottom-up, which keeps the rounding error to a few ulps. */
    private static double erfcFraction(double a) {
        int depth = (int) (20 + 250 / (a * a));
        double t = 0;
        for (int k = depth; k > 0; k--) {
            t = (k * 0.5) / (a + t);
        }
        return expMinusSquare(a) * ONE_OVER_SQRT_PI / (a + t);
    }

    /** exp(-a*a) without the rounding error of a*a: the high half of a squares exactly. */
    private static double expMinusSquare(double a) {
        double hi = Double.longBitsToDouble(Double.doubleToRawLongBits(a) & ~((1L << 27) - 1));
        double lo = a - hi;
        return Math.exp(-hi * hi) * Math.exp(-(2 * hi * lo + lo * lo));
    }

    // ---- gamma

    static double gamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 0) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        boolean integer = x == Math.rint(x);
        if (x < 0) {
            if (integer) {
                return Double.NaN;
            }
            // Reflection: gamma(x) * gamma(1 - x) = pi / sin(pi x).
            return Math.PI / (sinPi(x) * gamma(1 - x));
        }
        if (x > MAX_GAMMA_ARG) {
            return Double.POSITIVE_INFINITY;
        }
        if (integer) {
            return factorial((int) x - 1);
        }
        if (x >= STIRLING_FROM) {
            return stirling(x);
        }
        // gamma(x) = gamma(x + n) / (x (x+1) ... (x+n-1)); the rounding of x + n is corrected with the digamma
        // function, since gamma's relative slope there is large enough to cost several ulps otherwise.
        int n = (int) Math.ceil(STIRLING_FROM - x);
        double y = x + n;
        double roundOff = x - (y - n);
        double product = 1;
        for (int k = 0; k < n; k++) {
            product *= x + k;
        }
        double digamma = Math.log(y) - 1 / (2 * y) - 1 / (12 * y * y);
        return stirling(y) * (1 + roundOff * digamma) / product;
    }

    private static double stirling(double x) {
        double z = 1 / x;
        double z2 = z * z;
        double series = z * (1.0 / 12 + z2 * (-1.0 / 360 + z2 * (1.0 / 1260 + z2 * (-1.0 / 1680 + z2 * (1.0 / 1188
            + z2 * (-691.0 / 360360 + z2 * (1.0 / 156 + z2 * (-3617.0 / 122400))))))));
        // x^(x-1/2) e^-x as v * (v / e^x) with v = x^(x/2 - 1/4), so no intermediate overflows below the limit.
        double v = Math.pow(x, 0.5 * x - 0.25);
        return SQRT_TWO_PI * v * (v / Math.exp(x)) * Math.exp(series);
    }

    private static double factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigInteger.valueOf(k));
        }
        return f.doubleValue();
    }

    /** sin(pi x) with the argument reduced exactly. */
    private static double sinPi(double x) {
        double r = x % 2; // exact
        if (r < -1) {
            r += 2;
        } else if (r > 1) {
            r -= 2;
        }
        // r in [-1, 1]; sin(pi r) = sin(pi (1 - r)) folds it into [-1/2, 1/2].
        if (r > 0.5) {
            r = 1 - r;
        } else if (r < -0.5) {
            r = -1 - r;
        }
        return Math.sin(Math.PI * r);
    }

    // ---- Bessel functions

    static double j0(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (Double.isInfinite(a)) {
            return 0;
        }
        if (a < BESSEL_SMALL) {
            return 1 - a * a / 4;
        }
        if (a >= HANKEL_FROM) {
            return hankelJ(0, a);
        }
        return new Miller(a, 0).j0;
    }

    static double j1(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (Double.isInfinite(a)) {
            r = 0;
        } else if (a < BESSEL_SMALL) {
            r = a / 2 - a * a * a / 16;
        } else if (a >= HANKEL_FROM) {
            r = hankelJ(1, a);
        } else {
            r = new Miller(a, 1).jn;
        }
        return x < 0 ? -r : r;
    }

    static double jn(long n, double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        boolean negate = false;
        if (n < 0) {
            n = -n;
            negate = (n & 1) == 1;
        }
        if (x < 0) {
            x = -x;
            negate ^= (n & 1) == 1;
        }
        double r;
        if (n == 0) {
            r = j0(x);
        } else if (n == 1) {
            r = j1(x);
        } else if (x == 0) {
            r = 0;
        } else if (x < BESSEL_SMALL) {
            r = smallJn(n, x);
        } else if (x >= HANKEL_FROM && n < x) {
            // Upward recurrence is stable while the order stays below the argument.
            double prev = j0(x);
            double cur = j1(x);
            for (long k = 1; k < n; k++) {
                double next = (2 * k / x) * cur - prev;
                prev = cur;
                cur = next;
            }
            r = cur;
        } else {
            r = new Miller(x, n).jn;
        }
        return negate ? -r : r;
    }

    private static double smallJn(long n, double x) {
        // (x/2)^n / n! (1 - x^2 / (4 (n+1))), computed in logs so large orders underflow quietly to 0.
        double logTerm = n * Math.log(x / 2) - logFactorial(n);
        return Math.exp(logTerm) * (1 - x * x / (4 * (n + 1)));
    }

    private static double logFactorial(long n) {
        double s = 0;
        for (long k = 2; k <= n; k++) {
            s += Math.log(k);
        }
        return s;
    }

    static double y0(double x) {
        if (Double.isNaN(x) || x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        if (x < BESSEL_SMALL) {
            return TWO_OVER_PI * ((Math.log(x / 2) + EULER_GAMMA) * (1 - x * x / 4) + x * x / 4);
        }
        if (x >= HANKEL_FROM) {
            return hankelY(0, x);
        }
        Miller m = new Miller(x, 0);
        // Neumann's series: Y0 = (2/pi) ((ln(x/2) + gamma) J0 - 2 sum (-1)^k J2k / k).
        return TWO_OVER_PI * ((Math.log(x / 2) + EULER_GAMMA) * m.j0 - 2 * m.y0Sum);
    }

    static double y1(double x) {
        if (Double.isNaN(x) || x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        if (x < BESSEL_SMALL) {
            return -TWO_OVER_PI / x + (x / Math.PI) * (Math.log(x / 2) + EULER_GAMMA - 0.5);
        }
        if (x >= HANKEL_FROM) {
            return hankelY(1, x);
        }
        Miller m = new Miller(x, 1);
        // Y1 = -(2/(pi x)) J0 + (2/pi) (ln(x/2) + gamma - 1) J1 - (2/pi) sum (-1)^k (2k+1)/(k(k+1)) J(2k+1).
        return -TWO_OVER_PI / x * m.j0 + TWO_OVER_PI * (Math.log(x / 2) + EULER_GAMMA - 1) * m.jn
            - TWO_OVER_PI * m.y1Sum;
    }

    static double yn(long n, double x) {
        if (Double.isNaN(x) || x < 0) {
            return Double.NaN;
        }
        boolean negate = false;
        if (n < 0) {
            n = -n;
            negate = (n & 1) == 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        double r;
        if (n == 0) {
            r = y0(x);
        } else if (n == 1) {
            r = y1(x);
        } else if (x == 0) {
            r = Double.NEGATIVE_INFINITY;
        } else {
            // Upward recurrence is stable for Y of every order; it runs to -Inf once the values overflow.
            double prev = y0(x);
            double cur = y1(x);
            for (long k = 1; k < n && cur != Double.NEGATIVE_INFINITY; k++) {
                double next = (2 * k / x) * cur - prev;
                prev = cur;
                cur = next;
            }
            r = cur;
        }
        return negate ? -r : r;
    }

    private static double hankelJ(int order, double x) {
        double[] pq = hankelPQ(order, x);
        double[] cs = phase(order, x);
        return Math.sqrt(TWO_OVER_PI / x) * (pq[0] * cs[0] - pq[1] * cs[1]);
    }

    private static double hankelY(int order, double x) {
        double[] pq = hankelPQ(order, x);
        double[] cs = phase(order, x);
        return Math.sqrt(TWO_OVER_PI / x) * (pq[0] * cs[1] + pq[1] * cs[0]);
    }

    /** cos and sin of x - (order/2 + 1/4) pi, from cos x and sin x so no multiple of pi is subtracted. */
    private static double[] phase(int order, double x) {
        double c = Math.cos(x);
        double s = Math.sin(x);
        if (order == 0) {
            return new double[] {(c + s) * INV_SQRT2, (s - c) * INV_SQRT2};
        }
        return new double[] {(s - c) * INV_SQRT2, -(s + c) * INV_SQRT2};
    }

    /** Hankel's asymptotic P and Q, summed until the terms stop shrinking. */
    private static double[] hankelPQ(int order, double x) {
        double mu = 4.0 * order * order;
        double p = 1;
        double q = 0;
        double term = 1;
        for (int k = 1; k < 200; k++) {
            double next = term * (mu - (2.0 * k - 1) * (2.0 * k - 1)) / (k * 8 * x);
            if (Math.abs(next) >= Math.abs(term) && k > 2) {
                break;
            }
            term = next;
            // Terms alternate in pairs: t1 -> Q, t2 -> -P, t3 -> -Q, t4 -> P, ...
            switch (k % 4) {
                case 1:
                    q += term;
                    break;
                case 2:
                    p -= term;
                    break;
                case 3:
                    q -= term;
                    break;
                default:
                    p += term;
            }
            if (Math.abs(term) < 1e-18) {
                break;
            }
        }
        return new double[] {p, q};
    }

    /**
     * Miller's backward recurrence for J, normalised with J0 + 2 (J2 + J4 + ...) = 1, which also yields the sums of
     * Neumann's series for Y0 and Y1.
     */
    private static final class Miller {
        final double j0;
        final double jn;
        final double y0Sum;
        final double y1Sum;

        Miller(double x, long n) {
            long start = Math.max(n, (long) x) + 20 + (long) Math.sqrt(40.0 * Math.max(Math.max(n, x), 1));
            start += start & 1;
            double above = 0;
            double cur = 1e-300;
            double norm = 0;
            double s0 = 0;
            double s1 = 0;
            double order = 0;
            double j1 = 0;
            for (long k = start; k > 0; k--) {
                // cur is J(k) unnormalised.
                if (k == n) {
                    order = cur;
                }
                if (k == 1) {
                    j1 = cur;
                }
                if ((k & 1) == 0) {
                    long half = k / 2;
                    norm += 2 * cur;
                    s0 += ((half & 1) == 0 ? cur : -cur) / half;
                } else if (k >= 3) {
                    long half = (k - 1) / 2;
                    double c = (2.0 * half + 1) / ((double) half * (half + 1)) * cur;
                    s1 += (half & 1) == 0 ? c : -c;
                }
                double below = (2.0 * k / x) * cur - above;
                above = cur;
                cur = below;
                if (Math.abs(cur) > 1e250) {
                    cur *= 1e-250;
                    above *= 1e-250;
                    norm *= 1e-250;
                    s0 *= 1e-250;
                    s1 *= 1e-250;
                    order *= 1e-250;
                    j1 *= 1e-250;
                }
            }
            norm += cur;
            this.j0 = cur / norm;
            this.jn = (n == 0 ? cur : n == 1 ? j1 : order) / norm;
            this.y0Sum = s0 / norm;
            this.y1Sum = s1 / norm;
        }
    }
}
