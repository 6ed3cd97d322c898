package kapacitor.runtime.operator;

import kapacitor.model.Point;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static kapacitor.runtime.operator.FieldKind.BOOLEAN;
import static kapacitor.runtime.operator.FieldKind.FLOAT;
import static kapacitor.runtime.operator.FieldKind.INTEGER;
import static kapacitor.runtime.operator.FieldKind.STRING;
import static kapacitor.runtime.operator.ReducedPoint.ZERO_TIME;

/** InfluxDB's reducers as Kapacitor's InfluxQL node uses them, with InfluxDB's tie-breaking and empty results. */
final class Reducers {
    private static final Set<FieldKind> ALL = EnumSet.allOf(FieldKind.class);
    private static final Set<FieldKind> NUMERIC = EnumSet.of(FLOAT, INTEGER);

    private Reducers() {
    }

    /** The kinds of field a function accepts. */
    static Set<FieldKind> kinds(String method) {
        switch (method) {
            case "count":
            case "distinct":
            case "first":
            case "last":
            case "elapsed":
                return ALL;
            default:
                return NUMERIC;
        }
    }

    /** Functions that emit a whole batch of results, and those that transform a stream point by point. */
    static boolean isTransformation(String method) {
        return switch (method) {
            case "elapsed", "difference", "movingAverage", "cumulativeSum" -> true;
            default -> false;
        };
    }

    static boolean isSimpleSelector(String method) {
        return switch (method) {
            case "first", "last", "min", "max", "percentile" -> true;
            default -> false;
        };
    }

    /** Functions that emit a result for an empty batch. */
    static boolean isEmptyOk(String method) {
        return method.equals("count") || method.equals("sum");
    }

    /** A reducer factory for a field kind; {@code args} are the function's extra arguments. */
    static Supplier<Reducer> create(String method, FieldKind kind, List<Object> args) {
        boolean isInt = kind == INTEGER;
        switch (method) {
            case "count":
                return () -> new Fold(0L, 0L, (acc, v) -> (Long) acc + 1, true);
            case "sum":
                // InfluxDB seeds the sum with a point at time 0 (not ZeroTime): visible with usePointTimes.
                return isInt ? () -> new Fold(0L, 0L, (acc, v) -> (Long) acc + (Long) v, false)
                    : () -> new Fold(0.0, 0L, (acc, v) -> (Double) acc + (Double) v, false);
            case "first":
                return () -> new Selector((cur, prev) -> cur.time() < prev.time()
                    || cur.time() == prev.time() && FieldKind.compare(cur.value(), prev.value()) > 0);
            case "last":
                return () -> new Selector((cur, prev) -> cur.time() > prev.time()
                    || cur.time() == prev.time() && FieldKind.compare(cur.value(), prev.value()) > 0);
            case "min":
                return () -> new Selector((cur, prev) -> FieldKind.compare(cur.value(), prev.value()) < 0
                    || FieldKind.compare(cur.value(), prev.value()) == 0 && cur.time() < prev.time());
            case "max":
                return () -> new Selector((cur, prev) -> FieldKind.compare(cur.value(), prev.value()) > 0
                    || FieldKind.compare(cur.value(), prev.value()) == 0 && cur.time() < prev.time());
            case "mean":
                return () -> new MeanReducer(isInt);
            case "median":
                return () -> new SliceReducer(Reducers::median);
            case "mode":
                return () -> new SliceReducer(Reducers::mode);
            case "spread":
                return () -> new SliceReducer(a -> spread(a, isInt));
            case "stddev":
                return () -> new SliceReducer(Reducers::stddev);
            case "percentile": {
                double pct = ((Number) args.get(0)).doubleValue();
                return () -> new SliceReducer(a -> percentile(a, pct));
            }
            case "distinct":
                return Distinct::new;
            case "top":
            case "bottom": {
                int n = ((Number) args.get(0)).intValue();
                boolean top = method.equals("top");
                return () -> new TopBottom(n, top);
            }
            case "difference":
                return () -> new Difference(isInt);
            case "cumulativeSum":
                return () -> new CumulativeSum(isInt);
            case "movingAverage": {
                int n = ((Number) args.get(0)).intValue();
                return () -> new MovingAverage(n);
            }
            case "elapsed": {
                long unit = args.get(0) instanceof kapacitor.pipeline.DurationValue d ? d.nanos()
                    : ((Number) args.get(0)).longValue();
                return () -> new Elapsed(unit);
            }
            case "holtWinters": {
                int h = ((Number) args.get(0)).intValue();
                int m = ((Number) args.get(1)).intValue();
                long interval = args.get(2) instanceof kapacitor.pipeline.DurationValue d ? d.nanos()
                    : ((Number) args.get(2)).longValue();
                boolean withFit = Boolean.TRUE.equals(args.get(3));
                return () -> new HoltWintersReducer(h, m, withFit, interval);
            }
            default:
                throw new IllegalArgumentException("unsupported InfluxQL function " + method);
        }
    }

    /** A fold over the values, like InfluxDB's FuncReducer seeded with a point. */
    private static final class Fold implements Reducer {
        interface Step {
            Object apply(Object acc, Object value);
        }

        private Object acc;
        private final long time;
        private final Step step;

        Fold(Object seed, long seedTime, Step step, boolean zeroTime) {
            this.acc = seed;
            this.time = zeroTime ? ZERO_TIME : seedTime;
            this.step = step;
        }

        @Override
        public void add(Object value, Point p) {
            acc = step.apply(acc, value);
        }

        @Override
        public List<ReducedPoint> emit() {
            return List.of(new ReducedPoint(time, acc, null));
        }
    }

    /** first/last/min/max: keeps the point that wins against the current choice. */
    private static final class Selector implements Reducer {
        interface Wins {
            boolean test(ReducedPoint cur, ReducedPoint prev);
        }

        private final Wins wins;
        private ReducedPoint chosen;

        Selector(Wins wins) {
            this.wins = wins;
        }

        @Override
        public void add(Object value, Point p) {
            ReducedPoint cur = new ReducedPoint(p.time(), value, p);
            if (chosen == null || wins.test(cur, chosen)) {
                chosen = cur;
            }
        }

        @Override
        public List<ReducedPoint> emit() {
            return chosen == null ? List.of() : List.of(chosen);
        }
    }

    /** Functions over all values of the batch. */
    private static final class SliceReducer implements Reducer {
        interface Fn {
            List<ReducedPoint> apply(List<ReducedPoint> all);
        }

        private final Fn fn;
        private final List<ReducedPoint> all = new ArrayList<>();

        SliceReducer(Fn fn) {
            this.fn = fn;
        }

        @Override
        public void add(Object value, Point p) {
            all.add(new ReducedPoint(p.time(), value, p));
        }

        @Override
        public List<ReducedPoint> emit() {
            return all.isEmpty() ? List.of() : fn.apply(new ArrayList<>(all));
        }
    }

    private static double num(ReducedPoint p) {
        return ((Number) p.value()).doubleValue();
    }

    private static final Comparator<ReducedPoint> BY_VALUE = (x, y) -> FieldKind.compare(x.value(), y.value());

    private static List<ReducedPoint> median(List<ReducedPoint> a) {
        if (a.size() == 1) {
            ReducedPoint p = a.get(0);
            return List.of(new ReducedPoint(p.time(), ((Number) p.value()).doubleValue(), null));
        }
        a.sort(BY_VALUE);
        int n = a.size();
        if (n % 2 == 0) {
            ReducedPoint lo = a.get(n / 2 - 1);
            ReducedPoint hi = a.get(n / 2);
            double v;
            if (lo.value() instanceof Long l && hi.value() instanceof Long h) {
                v = (double) l + (double) (h - l) / 2;
            } else {
                v = num(lo) + (num(hi) - num(lo)) / 2;
            }
            return List.of(new ReducedPoint(ZERO_TIME, v, null));
        }
        return List.of(new ReducedPoint(ZERO_TIME, ((Number) a.get(n / 2).value()).doubleValue(), null));
    }

    private static List<ReducedPoint> mode(List<ReducedPoint> a) {
        if (a.size() == 1) {
            return List.of(new ReducedPoint(ZERO_TIME, a.get(0).value(), null));
        }
        a.sort(BY_VALUE.thenComparingLong(ReducedPoint::time));
        int mostFreq = 0;
        Object mostMode = a.get(0).value();
        long mostTime = a.get(0).time();
        int currFreq = 0;
        Object currMode = a.get(0).value();
        long currTime = a.get(0).time();
        for (ReducedPoint p : a) {
            if (!p.value().equals(currMode)) {
                currFreq = 1;
                currMode = p.value();
                currTime = p.time();
                continue;
            }
            currFreq++;
            if (mostFreq > currFreq || mostFreq == currFreq && currTime > mostTime) {
                continue;
            }
            mostFreq = currFreq;
            mostMode = p.value();
            mostTime = currTime;
        }
        return List.of(new ReducedPoint(ZERO_TIME, mostMode, null));
    }

    private static List<ReducedPoint> spread(List<ReducedPoint> a, boolean isInt) {
        if (isInt) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (ReducedPoint p : a) {
                min = Math.min(min, (Long) p.value());
                max = Math.max(max, (Long) p.value());
            }
            return List.of(new ReducedPoint(ZERO_TIME, max - min, null));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ReducedPoint p : a) {
            min = Math.min(min, num(p));
            max = Math.max(max, num(p));
        }
        return List.of(new ReducedPoint(ZERO_TIME, max - min, null));
    }

    private static List<ReducedPoint> stddev(List<ReducedPoint> a) {
        if (a.size() < 2) {
            // InfluxDB returns a nil point here, which Kapacitor renders as the value 0.
            return List.of(new ReducedPoint(ZERO_TIME, 0.0, null));
        }
        double mean = 0;
        int count = 0;
        for (ReducedPoint p : a) {
            count++;
            mean += (num(p) - mean) / count;
        }
        double variance = 0;
        for (ReducedPoint p : a) {
            variance += Math.pow(num(p) - mean, 2);
        }
        return List.of(new ReducedPoint(ZERO_TIME, Math.sqrt(variance / (count - 1)), null));
    }

    private static List<ReducedPoint> percentile(List<ReducedPoint> a, double pct) {
        int length = a.size();
        int i = (int) Math.floor(length * pct / 100.0 + 0.5) - 1;
        if (i < 0 || i >= length) {
            return List.of();
        }
        a.sort(BY_VALUE);
        return List.of(a.get(i));
    }

    /** Distinct values, each with the time it was first seen, ordered by that time then value. */
    private static final class Distinct implements Reducer {
        private final Map<Object, ReducedPoint> seen = new HashMap<>();

        @Override
        public void add(Object value, Point p) {
            seen.putIfAbsent(value, new ReducedPoint(p.time(), value, null));
        }

        @Override
        public List<ReducedPoint> emit() {
            List<ReducedPoint> out = new ArrayList<>(seen.values());
            out.sort(Comparator.comparingLong(ReducedPoint::time).thenComparing(BY_VALUE));
            return out;
        }
    }

    /** The n largest (top) or smallest (bottom) values; equal values: the earlier point ranks first. */
    private static final class TopBottom implements Reducer {
        private final int n;
        private final Comparator<ReducedPoint> order;
        private final List<ReducedPoint> all = new ArrayList<>();

        TopBottom(int n, boolean top) {
            this.n = n;
            Comparator<ReducedPoint> byValue = top ? BY_VALUE.reversed() : BY_VALUE;
            this.order = byValue.thenComparingLong(ReducedPoint::time);
        }

        @Override
        public void add(Object value, Point p) {
            all.add(new ReducedPoint(p.time(), value, p));
        }

        @Override
        public List<ReducedPoint> emit() {
            List<ReducedPoint> sorted = new ArrayList<>(all);
            sorted.sort(order);
            return sorted.subList(0, Math.min(n, sorted.size()));
        }
    }

    private static final class Difference implements Reducer {
        private final boolean isInt;
        private ReducedPoint prev;
        private ReducedPoint curr;

        Difference(boolean isInt) {
            this.isInt = isInt;
        }

        @Override
        public void add(Object value, Point p) {
            prev = curr;
            curr = new ReducedPoint(p.time(), value, null);
        }

        @Override
        public List<ReducedPoint> emit() {
            if (prev == null) {
                return List.of();
            }
            Object v = isInt ? (Object) ((Long) curr.value() - (Long) prev.value())
                : (Object) ((Double) curr.value() - (Double) prev.value());
            // InfluxDB marks the previous point as read: one difference per pair.
            prev = null;
            return List.of(new ReducedPoint(curr.time(), v, null));
        }
    }

    private static final class CumulativeSum implements Reducer {
        private final boolean isInt;
        private Object sum;
        private long time;

        CumulativeSum(boolean isInt) {
            this.isInt = isInt;
        }

        @Override
        public void add(Object value, Point p) {
            if (sum == null) {
                sum = value;
            } else {
                sum = isInt ? (Object) ((Long) sum + (Long) value) : (Object) ((Double) sum + (Double) value);
            }
            time = p.time();
        }

        @Override
        public List<ReducedPoint> emit() {
            return sum == null ? List.of() : List.of(new ReducedPoint(time, sum, null));
        }
    }

    private static final class MovingAverage implements Reducer {
        private final double[] buf;
        private int size;
        private int pos;
        private double sum;
        private long time;

        MovingAverage(int n) {
            this.buf = new double[n];
        }

        @Override
        public void add(Object value, Point p) {
            double v = ((Number) value).doubleValue();
            if (size < buf.length) {
                buf[size++] = v;
            } else {
                sum -= buf[pos];
                buf[pos] = v;
            }
            sum += v;
            time = p.time();
            pos++;
            if (pos >= buf.length) {
                pos = 0;
            }
        }

        @Override
        public List<ReducedPoint> emit() {
            if (size < buf.length) {
                return List.of();
            }
            return List.of(new ReducedPoint(time, sum / size, null));
        }
    }

    private static final class Elapsed implements Reducer {
        private final long unit;
        private long prevTime;
        private long currTime;
        private int seen;

        Elapsed(long unit) {
            this.unit = unit;
        }

        @Override
        public void add(Object value, Point p) {
            prevTime = currTime;
            currTime = p.time();
            seen++;
        }

        @Override
        public List<ReducedPoint> emit() {
            if (seen < 2) {
                return List.of();
            }
            return List.of(new ReducedPoint(currTime, (currTime - prevTime) / unit, null));
        }
    }
}
