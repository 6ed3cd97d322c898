package kapacitor.tick.expr;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The multiply-with-carry generator (three lags, 64-bit words) behind Kapacitor's rand(): seeded the same way, it
 * gives the same sequence, so rand() over a fixed seed is reproducible across both implementations.
 */
final class MwcRandom {
    private static final long MULTIPLIER = 0xfeb344657c0af413L;
    private static final long K = 0xcafef00dd15ea5e5L;
    private static final long C = 0x14057b7ef767814fL;

    /** Seeds of generators made without one: a shared counter stepping by a start-time dependent increment. */
    private static final long INCREMENT = System.currentTimeMillis() * 1_000_000L + System.nanoTime() % 1_000_000L;
    private static final AtomicLong STATE = new AtomicLong();

    private long x1;
    private long x2;
    private long x3;
    private long carry;

    private MwcRandom(long k1, long k2) {
        long kLo = K * MULTIPLIER;
        long kHi = mulHigh(K, MULTIPLIER);
        long rs = kLo + C;
        long rsLo = rs * MULTIPLIER;
        long rsHi = mulHigh(rs, MULTIPLIER);
        long k2Lo = k2 * MULTIPLIER;
        long k2Hi = mulHigh(k2, MULTIPLIER);
        long k1Lo = k1 * MULTIPLIER;
        long k1Hi = mulHigh(k1, MULTIPLIER);

        long a2 = k2Lo + kHi;
        long b = carryOut(k2Lo, kHi, a2);
        long a1 = k1Lo + k2Hi + b;
        b = carryOut3(k1Lo, k2Hi, b);
        long p2Lo = a2 * MULTIPLIER;
        long p2Hi = mulHigh(a2, MULTIPLIER);
        long p1Lo = a1 * MULTIPLIER;
        long p1Hi = mulHigh(a1, MULTIPLIER);

        x3 = rsLo + k1Hi + b;
        b = carryOut3(rsLo, k1Hi, b);
        x2 = p2Lo + rsHi + b;
        b = carryOut3(p2Lo, rsHi, b);
        x1 = p1Lo + p2Hi + b;
        b = carryOut3(p1Lo, p2Hi, b);
        carry = p1Hi + b;
    }

    /** A generator over a fixed seed, as Kapacitor's Seed(seed). */
    static MwcRandom seeded(long seed) {
        return new MwcRandom(seed, seed);
    }

    /** A generator seeded as Kapacitor seeds each rand() function. */
    static MwcRandom create() {
        return new MwcRandom(STATE.addAndGet(INCREMENT), INCREMENT);
    }

    long nextLong() {
        long hi = mulHigh(x3, MULTIPLIER);
        long lo = x3 * MULTIPLIER;
        long out = (x3 ^ x2) + (x1 ^ hi);
        long next = lo + carry;
        long b = carryOut(lo, carry, next);
        x3 = x2;
        x2 = x1;
        x1 = next;
        carry = hi + b;
        return out;
    }

    /** Uniform in [0, bound) treating the bound as unsigned (Lemire's method); 0 for a bound of 0. */
    long nextBelow(long bound) {
        if (bound == 0) {
            return 0;
        }
        long x = nextLong();
        long lo = x * bound;
        if (Long.compareUnsigned(lo, bound) < 0) {
            long threshold = Long.remainderUnsigned(-bound, bound);
            while (Long.compareUnsigned(lo, threshold) < 0) {
                x = nextLong();
                lo = x * bound;
            }
        }
        return mulHigh(x, bound);
    }

    /** The high 64 bits of the unsigned 128-bit product. */
    private static long mulHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static long carryOut(long a, long b, long sum) {
        return Long.compareUnsigned(sum, a) < 0 ? 1 : 0;
    }

    /** The carry out of a + b + carryIn (carryIn 0 or 1). */
    private static long carryOut3(long a, long b, long carryIn) {
        long bc = b + carryIn;
        long sum = a + bc;
        return Long.compareUnsigned(sum, a) < 0 || Long.compareUnsigned(bc, b) < 0 ? 1 : 0;
    }
}
