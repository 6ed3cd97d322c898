package kapacitor.tick.expr;

import kapacitor.util.GoQuote;

import static kapacitor.tick.expr.ValueType.BOOL;
import static kapacitor.tick.expr.ValueType.DURATION;
import static kapacitor.tick.expr.ValueType.FLOAT;
import static kapacitor.tick.expr.ValueType.INT;
import static kapacitor.tick.expr.ValueType.STRING;

import java.time.Duration;
import java.util.regex.Pattern;
import kapacitor.tick.ast.DurationNode;

/** The type conversion functions bool(), int(), float(), string() and duration(). */
final class Conversions {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Conversions() {
    }

    private abstract static class Conversion implements Func {
        private final Signature signature;
        private final String name;

        Conversion(String name, Signature signature) {
            this.name = name;
            this.signature = signature;
        }

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public Object call(Object[] args) {
            if (args.length != 1) {
                throw new ExprException(name + " expects exactly one argument");
            }
            return convert(args[0]);
        }

        abstract Object convert(Object a);
    }

    private static Signature fromBasic(ValueType result) {
        return new Signature().add(result, BOOL).add(result, STRING).add(result, INT).add(result, FLOAT);
    }

    static final Func BOOL_FN = new Conversion("bool", fromBasic(ValueType.BOOL)) {
        @Override
        Object convert(Object a) {
            if (a instanceof Boolean) {
                return a;
            }
            if (a instanceof String s) {
                return parseBool(s);
            }
            if (a instanceof Long l) {
                if (l == 0 || l == 1) {
                    return l == 1;
                }
                throw new ExprException("cannot convert " + l + " to boolean");
            }
            if (a instanceof Double d) {
                if (d == 0 || d == 1) {
                    return d == 1;
                }
                throw new ExprException("cannot convert " + Values.formatFloatV(d) + " to boolean");
            }
            throw new ExprException("cannot convert " + Values.goTypeName(a) + " to boolean");
        }
    };

    static final Func INT_FN = new Conversion("int", fromBasic(ValueType.INT)) {
        @Override
        Object convert(Object a) {
            if (a instanceof Long) {
                return a;
            }
            if (a instanceof Double d) {
                return Values.goInt64(d);
            }
            if (a instanceof String s) {
                return parseInt(s);
            }
            if (a instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (a instanceof Duration d) {
                return Values.durationNanos(d);
            }
            throw new ExprException("cannot convert " + Values.goTypeName(a) + " to integer");
        }
    };

    static final Func FLOAT_FN = new Conversion("float", fromBasic(ValueType.FLOAT)) {
        @Override
        Object convert(Object a) {
            if (a instanceof Long l) {
                return (double) l;
            }
            if (a instanceof Double) {
                return a;
            }
            if (a instanceof String s) {
                return parseFloat(s);
            }
            if (a instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
            throw new ExprException("cannot convert " + Values.goTypeName(a) + " to float");
        }
    };

    static final Func STRING_FN = new Conversion("string",
        fromBasic(ValueType.STRING).add(ValueType.STRING, DURATION)) {
        @Override
        Object convert(Object a) {
            if (a instanceof Long l) {
                return Long.toString(l);
            }
            if (a instanceof Double d) {
                return Values.formatFloatF(d);
            }
            if (a instanceof Boolean b) {
                return b.toString();
            }
            if (a instanceof Duration d) {
                return formatInfluxDuration(Values.durationNanos(d));
            }
            if (a instanceof String) {
                return a;
            }
            throw new ExprException("cannot convert " + Values.goTypeName(a) + " to string");
        }
    };

    static final Func DURATION_FN = new Func() {
        private final Signature signature = new Signature().add(ValueType.DURATION, ValueType.DURATION)
            .add(ValueType.DURATION, ValueType.INT, ValueType.DURATION)
            .add(ValueType.DURATION, ValueType.FLOAT, ValueType.DURATION)
            .add(ValueType.DURATION, ValueType.STRING, ValueType.DURATION);

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public Object call(Object[] args) {
            if (args.length != 1 && args.length != 2) {
                throw new ExprException("duration expects one or two arguments duration(value, unit) where unit is "
                    + "optional depending on the type of value.");
            }
            Object a = args[0];
            if (a instanceof Duration) {
                return a;
            }
            if (a instanceof Long l) {
                return Values.duration(l * unit(args));
            }
            if (a instanceof Double d) {
                return Values.duration(Values.goInt64(d * (double) unit(args)));
            }
            if (a instanceof String s) {
                try {
                    return Values.duration(DurationNode.parseNanos(s));
                } catch (IllegalArgumentException e) {
                    throw new ExprException("invalid duration string \"" + s + "\"");
                }
            }
            throw new ExprException("cannot convert " + Values.goTypeName(a) + " to duration");
        }

        private long unit(Object[] args) {
            if (args.length != 2) {
                throw new ExprException("duration expects unit argument for int and float values");
            }
            if (!(args[1] instanceof Duration unit)) {
                throw new ExprException("invalid duration unit type: " + Values.goTypeName(args[1]));
            }
            return Values.durationNanos(unit);
        }
    };

    static boolean parseBool(String s) {
        switch (s) {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                return true;
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                return false;
            default:
                throw new ExprException("strconv.ParseBool: parsing " + GoQuote.quote(s) + ": invalid syntax");
        }
    }

    static long parseInt(String s) {
        if (!INTEGER.matcher(s).matches()) {
            throw new ExprException("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": invalid syntax");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ExprException("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": value out of range");
        }
    }

    static double parseFloat(String s) {
        if (SPECIAL.matcher(s).matches()) {
            String l = s.toLowerCase(java.util.Locale.ROOT);
            if (l.endsWith("nan")) {
                return Double.NaN;
            }
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new ExprException("strconv.ParseFloat: parsing " + GoQuote.quote(s) + ": invalid syntax");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new ExprException("strconv.ParseFloat: parsing " + GoQuote.quote(s) + ": value out of range");
        }
        return d;
    }

    /** influxql.FormatDuration: the largest unit that divides the duration exactly. */
    static String formatInfluxDuration(long d) {
        long week = 7 * 24 * 3_600_000_000_000L;
        long[] units = {week, week / 7, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] names = {"w", "d", "h", "m", "s", "ms", "u"};
        if (d == 0) {
            return "0s";
        }
        for (int i = 0; i < units.length; i++) {
            if (d % units[i] == 0) {
                return (d / units[i]) + names[i];
            }
        }
        return d + "ns";
    }
}
