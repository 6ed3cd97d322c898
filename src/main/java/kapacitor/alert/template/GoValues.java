package kapacitor.alert.template;

import kapacitor.runtime.operator.GoJson;
import kapacitor.runtime.time.GoTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Go's fmt and encoding/json renderings of the values templates see. */
public final class GoValues {
    /** A Go time.Time (epoch nanoseconds, UTC). */
    public record Time(long nanos) {
    }

    /** A Go time.Duration (nanoseconds). */
    public record Duration(long nanos) {
    }

    /** The value of a missing map key: prints as {@code <no value>}. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private GoValues() {
    }

    /** fmt's %v. */
    public static String print(Object v) {
        StringBuilder b = new StringBuilder();
        print(b, v);
        return b.toString();
    }

    static void print(StringBuilder b, Object v) {
        if (v == null) {
            b.append("<nil>");
        } else if (v instanceof Double d) {
            b.append(formatFloat(d));
        } else if (v instanceof Time t) {
            b.append(timeString(t.nanos()));
        } else if (v instanceof Duration d) {
            b.append(durationString(d.nanos()));
        } else if (v instanceof Map<?, ?> m) {
            b.append("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                print(b, e.getKey());
                b.append(':');
                print(b, e.getValue());
            }
            b.append(']');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                print(b, l.get(i));
            }
            b.append(']');
        } else if (v instanceof GoStruct s) {
            b.append('{');
            boolean first = true;
            for (Object f : s.fields().values()) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                print(b, f);
            }
            b.append('}');
        } else {
            b.append(v);
        }
    }

    /** strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v uses it: exponent form below 1e-4 or from 1e6 (Go's shortest %g). */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 6) {
            String digits = bd.unscaledValue().abs().toString();
            StringBuilder b = new StringBuilder();
            if (d < 0) {
                b.append('-');
            }
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                b.append('0');
            }
            return b.append(a).toString();
        }
        return bd.toPlainString();
    }

    /** time.Time.String() in UTC: {@code 2006-01-02 15:04:05.999999999 +0000 UTC}. */
    public static String timeString(long nanos) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        StringBuilder b = new StringBuilder(DATE_TIME.format(i));
        int frac = i.getNano();
        if (frac != 0) {
            String f = String.format("%09d", frac).replaceAll("0+$", "");
            b.append('.').append(f);
        }
        return b.append(" +0000 UTC").toString();
    }

    /** time.Duration.String(): {@code 1h2m3.5s}, {@code 150ms}, {@code 0s}. */
    public static String durationString(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        long u = Math.abs(d);
        String s;
        if (u < 1_000_000_000L) {
            String unit;
            long div;
            if (u < 1_000) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000) {
                unit = "µs";
                div = 1_000;
            } else {
                unit = "ms";
                div = 1_000_000;
            }
            s = fraction(u, div) + unit;
        } else {
            long secs = u / 1_000_000_000L;
            long h = secs / 3600;
            long m = (secs / 60) % 60;
            String sec = fraction(u % 60_000_000_000L, 1_000_000_000L) + "s";
            s = h > 0 ? h + "h" + m + "m" + sec : m > 0 ? m + "m" + sec : sec;
        }
        return neg ? "-" + s : s;
    }

    private static String fraction(long v, long div) {
        long whole = v / div;
        long frac = v % div;
        if (frac == 0) {
            return Long.toString(whole);
        }
        int width = Long.toString(div).length() - 1;
        String f = String.format("%0" + width + "d", frac).replaceAll("0+$", "");
        return whole + "." + f;
    }

    /** encoding/json of a template value (HTML-safe, as json.Encoder does). */
    public static void json(StringBuilder b, Object v) {
        if (v == null || v == NO_VALUE) {
            b.append("null");
        } else if (v instanceof String s) {
            GoJson.string(b, s);
        } else if (v instanceof Double d) {
            b.append(GoJson.formatFloat(d));
        } else if (v instanceof Time t) {
            b.append('"').append(GoTime.formatRfc3339Nano(t.nanos())).append('"');
        } else if (v instanceof Duration d) {
            b.append(d.nanos());
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                GoJson.string(b, String.valueOf(e.getKey()));
                b.append(':');
                json(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof GoStruct s) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : s.fields().entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                GoJson.string(b, e.getKey());
                b.append(':');
                json(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                json(b, l.get(i));
            }
            b.append(']');
        } else {
            b.append(v);
        }
    }
}
