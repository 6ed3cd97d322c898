package kapacitor.tick.expr;

/** Functions that accumulate over the points of one group: sigma, count, spread and rand. */
final class StatefulFuncs {
    private static final Signature FLOAT_TO_FLOAT = Signature.of(ValueType.FLOAT, ValueType.FLOAT);

    private StatefulFuncs() {
    }

    private static double floatArg(Object[] args, String name) {
        if (args.length != 1) {
            throw new ExprException(name + " expects exactly one argument");
        }
        if (!(args[0] instanceof Double x)) {
            throw new ExprException("value is not a float");
        }
        return x;
    }

    /** How many standard deviations the value is from the running mean (Welford's algorithm). */
    static final class Sigma implements Func {
        private double mean;
        private double m2;
        private double n;

        @Override
        public Signature signature() {
            return FLOAT_TO_FLOAT;
        }

        @Override
        public Object call(Object[] args) {
            double x = floatArg(args, "sigma");
            n++;
            double delta = x - mean;
            mean = mean + delta / n;
            m2 = m2 + delta * (x - mean);
            double variance = m2 / (n - 1);
            if (n < 2 || variance == 0) {
                return 0.0;
            }
            return Math.abs(x - mean) / Math.sqrt(variance);
        }

        @Override
        public void reset() {
            mean = 0;
            m2 = 0;
            n = 0;
        }
    }

    static final class Count implements Func {
        private static final Signature SIGNATURE = Signature.of(ValueType.INT);
        private long n;

        @Override
        public Signature signature() {
            return SIGNATURE;
        }

        @Override
        public Object call(Object[] args) {
            return ++n;
        }

        @Override
        public void reset() {
            n = 0;
        }
    }

    /** Running max minus running min. */
    static final class Spread implements Func {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        @Override
        public Signature signature() {
            return FLOAT_TO_FLOAT;
        }

        @Override
        public Object call(Object[] args) {
            double x = floatArg(args, "spread");
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
            return max - min;
        }

        @Override
        public void reset() {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * A non-negative random int64, or one below the bound (0 for a bound of 0), from Kapacitor's generator. The
     * system property {@value #SEED_PROPERTY} fixes the seed of every rand() made while it is set, which is how
     * Kapacitor's own tests make it reproducible.
     */
    static final class Rand implements Func {
        static final String SEED_PROPERTY = "kapacitor.rand.seed";
        private static final Signature SIGNATURE = new Signature().add(ValueType.INT).add(ValueType.INT, ValueType.INT);
        private final MwcRandom random;

        Rand() {
            String seed = System.getProperty(SEED_PROPERTY);
            random = seed == null ? MwcRandom.create() : MwcRandom.seeded(Long.parseLong(seed));
        }

        @Override
        public Signature signature() {
            return SIGNATURE;
        }

        @Override
        public Object call(Object[] args) {
            if (args.length > 1) {
                throw new ExprException("rand expects zero or one argument");
            }
            if (args.length == 1) {
                if (!(args[0] instanceof Long bound)) {
                    throw new ExprException("value is not an int");
                }
                return random.nextBelow(bound) & Long.MAX_VALUE;
            }
            return random.nextLong() & Long.MAX_VALUE;
        }
    }
}
