package kapacitor.runtime.operator;

import java.util.function.ToDoubleFunction;

/**
 * The Nelder-Mead simplex minimiser InfluxDB uses for holtWinters (after M. F. Hutt), with its coefficients, its
 * iteration limit and its convergence test. The objective may modify the vertex it is given (holtWinters clamps it).
 */
final class NelderMead {
    private static final int MAX_ITERATIONS = 1000;
    private static final double REFLECT = 1.0;
    private static final double CONTRACT = 0.5;
    private static final double EXPAND = 2.0;

    record Result(double min, double[] parameters) {
    }

    private NelderMead() {
    }

    static Result optimize(ToDoubleFunction<double[]> fn, double[] start, double epsilon, double scale) {
        int n = start.length;
        double[][] v = new double[n + 1][n];
        double[] f = new double[n + 1];
        double[] vr = new double[n];
        double[] ve = new double[n];
        double[] vc = new double[n];
        double[] vm = new double[n];

        double pn = scale * (Math.sqrt(n + 1) - 1 + n) / (n * Math.sqrt(2));
        double qn = scale * (Math.sqrt(n + 1) - 1) / (n * Math.sqrt(2));
        System.arraycopy(start, 0, v[0], 0, n);
        for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = (i - 1 == j ? pn : qn) + start[j];
            }
        }
        for (int j = 0; j <= n; j++) {
            f[j] = fn.applyAsDouble(v[j]);
        }

        for (int itr = 1; itr <= MAX_ITERATIONS; itr++) {
            int vg = 0;
            int vs = 0;
            for (int i = 0; i <= n; i++) {
                if (f[i] > f[vg]) {
                    vg = i;
                }
                if (f[i] < f[vs]) {
                    vs = i;
                }
            }
            int vh = vs;
            for (int i = 0; i <= n; i++) {
                if (f[i] > f[vh] && f[i] < f[vg]) {
                    vh = i;
                }
            }
            for (int i = 0; i < n; i++) {
                double cent = 0.0;
                for (int k = 0; k <= n; k++) {
                    if (k != vg) {
                        cent += v[k][i];
                    }
                }
                vm[i] = cent / n;
            }
            for (int i = 0; i < n; i++) {
                vr[i] = vm[i] + REFLECT * (vm[i] - v[vg][i]);
            }
            double fr = fn.applyAsDouble(vr);
            if (fr < f[vh] && fr >= f[vs]) {
                System.arraycopy(vr, 0, v[vg], 0, n);
                f[vg] = fr;
            }
            if (fr < f[vs]) {
                for (int i = 0; i < n; i++) {
                    ve[i] = vm[i] + EXPAND * (vr[i] - vm[i]);
                }
                double fe = fn.applyAsDouble(ve);
                if (fe < fr) {
                    System.arraycopy(ve, 0, v[vg], 0, n);
                    f[vg] = fe;
                } else {
                    System.arraycopy(vr, 0, v[vg], 0, n);
                    f[vg] = fr;
                }
            }
            if (fr >= f[vh]) {
                if (fr < f[vg] && fr >= f[vh]) {
                    for (int i = 0; i < n; i++) {
                        vc[i] = vm[i] + CONTRACT * (vr[i] - vm[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        vc[i] = vm[i] - CONTRACT * (vm[i] - v[vg][i]);
                    }
                }
                double fc = fn.applyAsDouble(vc);
                if (fc < f[vg]) {
                    System.arraycopy(vc, 0, v[vg], 0, n);
                    f[vg] = fc;
                } else {
                    for (int row = 0; row <= n; row++) {
                        if (row != vs) {
                            for (int i = 0; i < n; i++) {
                                v[row][i] = v[vs][i] + (v[row][i] - v[vs][i]) / 2.0;
                            }
                        }
                    }
                    f[vg] = fn.applyAsDouble(v[vg]);
                    f[vh] = fn.applyAsDouble(v[vh]);
                }
            }
            double fsum = 0.0;
            for (int i = 0; i <= n; i++) {
                fsum += f[i];
            }
            double favg = fsum / (n + 1);
            double s = 0.0;
            for (int i = 0; i <= n; i++) {
                double d = f[i] - favg;
                s += d * d / n;
            }
            s = Math.sqrt(s);
            if (s < epsilon) {
                break;
            }
        }
        int vs = 0;
        for (int i = 0; i <= n; i++) {
            if (f[i] < f[vs]) {
                vs = i;
            }
        }
        double[] parameters = v[vs].clone();
        double min = fn.applyAsDouble(v[vs]);
        return new Result(min, parameters);
    }
}
