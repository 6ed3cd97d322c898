package kapacitor.runtime.operator;

import kapacitor.model.Point;

import java.util.ArrayList;
import java.util.List;

/**
 * InfluxDB's holtWinters / holtWintersWithFit: the series is bucketed by the interval (gaps as NaN), the damped
 * Holt-Winters parameters are fitted by Nelder-Mead from a grid of starting guesses, and {@code h} values are
 * forecast (with the fitted values too, with fit). Float arithmetic follows InfluxDB's order of operations, including
 * its in-place clamping of the optimizer's vertices, so the results are the same to the bit.
 */
final class HoltWintersReducer implements Reducer {
    private static final double WEIGHT = 0.5;
    private static final double EPSILON = 1.0e-4;
    private static final double GUESS_LOWER = 0.3;
    private static final double GUESS_UPPER = 1.0;
    private static final double GUESS_STEP = 0.4;

    private final int h;
    private final int m;
    private final boolean seasonal;
    private final boolean includeFitData;
    private final long interval;
    private final long halfInterval;
    private final List<long[]> times = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private double[] y;

    HoltWintersReducer(int h, int m, boolean includeFitData, long interval) {
        this.h = h;
        this.m = m;
        this.seasonal = m >= 2;
        this.includeFitData = includeFitData;
        this.interval = interval;
        this.halfInterval = interval / 2;
    }

    @Override
    public void add(Object value, Point p) {
        times.add(new long[] {p.time()});
        values.add(((Number) value).doubleValue());
    }

    private long roundTime(long t) {
        long remainder = t % interval;
        if (remainder > halfInterval) {
            return (t / interval + 1) * interval;
        }
        return (t / interval) * interval;
    }

    @Override
    public List<ReducedPoint> emit() {
        int n = values.size();
        if (n < 2 || seasonal && n < m || h <= 0) {
            return List.of();
        }
        long start = roundTime(times.get(0)[0]);
        long stop = roundTime(times.get(n - 1)[0]);
        if ((stop - start) / interval <= 0) {
            return List.of();
        }
        List<Double> series = new ArrayList<>();
        series.add(values.get(0));
        long t = start;
        for (int i = 1; i < n; i++) {
            long rounded = roundTime(times.get(i)[0]);
            if (rounded <= t) {
                continue;
            }
            t += interval;
            while (rounded != t) {
                series.add(Double.NaN);
                t += interval;
            }
            series.add(values.get(i));
        }
        y = series.stream().mapToDouble(Double::doubleValue).toArray();

        double l0 = 0.0;
        if (seasonal) {
            for (int i = 0; i < m; i++) {
                if (!Double.isNaN(y[i])) {
                    l0 += (1 / (double) m) * y[i];
                }
            }
        } else {
            l0 += WEIGHT * y[0];
        }
        double b0 = 0.0;
        if (seasonal) {
            for (int i = 0; i < m && m + i < y.length; i++) {
                if (!Double.isNaN(y[i]) && !Double.isNaN(y[m + i])) {
                    b0 += 1 / (double) (m * m) * (y[m + i] - y[i]);
                }
            }
        } else if (!Double.isNaN(y[1])) {
            b0 = WEIGHT * (y[1] - y[0]);
        }
        int seasons = seasonal ? m : 0;
        double[] parameters = new double[6 + seasons];
        parameters[4] = l0;
        parameters[5] = b0;
        for (int i = 0; i < seasons; i++) {
            parameters[6 + i] = Double.isNaN(y[i]) ? 0 : y[i] / l0;
        }

        double minSse = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (double alpha = GUESS_LOWER; alpha < GUESS_UPPER; alpha += GUESS_STEP) {
            for (double beta = GUESS_LOWER; beta < GUESS_UPPER; beta += GUESS_STEP) {
                for (double gamma = GUESS_LOWER; gamma < GUESS_UPPER; gamma += GUESS_STEP) {
                    for (double phi = GUESS_LOWER; phi < GUESS_UPPER; phi += GUESS_STEP) {
                        parameters[0] = alpha;
                        parameters[1] = beta;
                        parameters[2] = gamma;
                        parameters[3] = phi;
                        NelderMead.Result r = NelderMead.optimize(this::sse, parameters, EPSILON, 1);
                        if (r.min() < minSse || best == null) {
                            minSse = r.min();
                            best = r.parameters();
                        }
                    }
                }
            }
        }

        double[] forecasted = forecast(h, best);
        List<ReducedPoint> points = new ArrayList<>();
        if (includeFitData) {
            long first = times.get(0)[0];
            for (int i = 0; i < forecasted.length; i++) {
                if (!Double.isNaN(forecasted[i])) {
                    points.add(new ReducedPoint(first + interval * i, forecasted[i], null));
                }
            }
        } else {
            long last = times.get(n - 1)[0];
            for (int i = y.length; i < forecasted.length; i++) {
                if (!Double.isNaN(forecasted[i])) {
                    points.add(new ReducedPoint(last + interval * (i - y.length + 1), forecasted[i], null));
                }
            }
        }
        return points;
    }

    /** Forecasts {@code horizon} values past the series; clamps and (seasonal) rewrites {@code params} in place. */
    private double[] forecast(int horizon, double[] params) {
        for (int i = 0; i < 4; i++) {
            if (params[i] > 1) {
                params[i] = 1;
            }
            if (params[i] < 0) {
                params[i] = 0;
            }
        }
        double yT = y[0];
        double phi = params[3];
        double phiH = phi;
        double lT = params[4];
        double bT = params[5];
        int sm = 0;
        int so = 0;
        if (seasonal) {
            sm = params.length - 6;
            if (sm == 1) {
                params[6] = 1;
            }
            so = sm - 1;
        }
        int l = y.length;
        double[] forecasted = new double[l + horizon];
        forecasted[0] = yT;
        double stm = 1.0;
        double stmh = 1.0;
        for (int t = 1; t < l + horizon; t++) {
            if (seasonal) {
                int hm = t % sm;
                stm = params[6 + (t - sm + so) % sm];
                stmh = params[6 + (t - sm + hm + so) % sm];
            }
            double alpha = params[0];
            double beta = params[1];
            double gamma = params[2];
            double lTp = lT;
            double bTp = bT;
            lT = alpha * (yT / stm) + (1 - alpha) * (lTp + phi * bTp);
            bT = beta * (lT - lTp) + (1 - beta) * phi * bTp;
            double sT = gamma * (yT / (lTp + phi * bTp)) + (1 - gamma) * stm;
            yT = (lT + phiH * bT) * stmh;
            phiH += GoMath.powInt(phi, t);
            if (seasonal) {
                params[6 + (t + so) % sm] = sT;
                so++;
            }
            forecasted[t] = yT;
        }
        return forecasted;
    }

    private double sse(double[] params) {
        double sse = 0.0;
        double[] forecasted = forecast(0, params);
        for (int i = 0; i < forecasted.length; i++) {
            if (!Double.isNaN(y[i])) {
                if (Double.isNaN(forecasted[i])) {
                    return Double.POSITIVE_INFINITY;
                }
                double diff = forecasted[i] - y[i];
                sse += diff * diff;
            }
        }
        return sse;
    }
}
