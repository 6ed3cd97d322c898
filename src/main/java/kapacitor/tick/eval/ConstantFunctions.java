package kapacitor.tick.eval;

import kapacitor.util.GoQuote;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import kapacitor.pipeline.DurationValue;
import kapacitor.tick.ast.DurationNode;

/**
 * The stateless functions a constant expression outside a lambda may call ({@code string(d)},
 * {@code int(sqrt(f))}): Kapacitor's type conversions and the float math functions Java provides exactly.
 */
final class ConstantFunctions {

    private interface Fn {
        Object call(List<Object> args);
    }

    private static final Map<String, Fn> FUNCTIONS = new HashMap<>();

    static {
        FUNCTIONS.put("bool", ConstantFunctions::toBool);
        FUNCTIONS.put("int", ConstantFunctions::toInt);
        FUNCTIONS.put("float", ConstantFunctions::toFloat);
        FUNCTIONS.put("string", ConstantFunctions::toStr);
        FUNCTIONS.put("duration", ConstantFunctions::toDuration);
        math1("abs", Math::abs);
        math1("acos", Math::acos);
        math1("asin", Math::asin);
        math1("atan", Math::atan);
        math1("cbrt", Math::cbrt);
        math1("ceil", Math::ceil);
        math1("cos", Math::cos);
        math1("cosh", Math::cosh);
        math1("exp", Math::exp);
        math1("expm1", Math::expm1);
        math1("floor", Math::floor);
        math1("log", Math::log);
        math1("log10", Math::log10);
        math1("log1p", Math::log1p);
        math1("sin", Math::sin);
        math1("sinh", Math::sinh);
        math1("sqrt", Math::sqrt);
        math1("tan", Math::tan);
        math1("tanh", Math::tanh);
        math1("trunc", d -> d < 0 ? Math.ceil(d) : Math.floor(d));
        math2("atan2", Math::atan2);
        math2("hypot", Math::hypot);
        math2("max", Math::max);
        math2("min", Math::min);
        math2("mod", (a, b) -> a % b);
        math2("pow", Math::pow);
    }

    private ConstantFunctions() {
    }

    static Object call(String name, List<Object> args) {
        Fn f = FUNCTIONS.get(name);
        if (f == null) {
            throw new TickException("undefined function: " + GoQuote.quote(name));
        }
        try {
            return f.call(args);
        } catch (IllegalArgumentException e) {
            throw new TickException("error calling " + GoQuote.quote(name) + ": " + e.getMessage());
        }
    }

    private static void math1(String name, DoubleUnaryOperator op) {
        FUNCTIONS.put(name, args -> {
            if (args.size() != 1) {
                throw new IllegalArgumentException(name + " expects exactly one argument");
            }
            return op.applyAsDouble(floatArg(name, args.get(0)));
        });
    }

    private static void math2(String name, DoubleBinaryOperator op) {
        FUNCTIONS.put(name, args -> {
            if (args.size() != 2) {
                throw new IllegalArgumentException(name + " expects exactly two arguments");
            }
            return op.applyAsDouble(floatArg(name, args.get(0)), floatArg(name, args.get(1)));
        });
    }

    private static double floatArg(String name, Object a) {
        if (!(a instanceof Double)) {
            throw new IllegalArgumentException("cannot pass " + GoText.typeOf(a) + " to " + name
                + ", must be float64");
        }
        return (Double) a;
    }

    private static void arity(List<Object> args, String name) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(name + " expects exactly one argument");
        }
    }

    private static Object toBool(List<Object> args) {
        arity(args, "bool");
        Object a = args.get(0);
        if (a instanceof Boolean) {
            return a;
        } else if (a instanceof String) {
            switch ((String) a) {
                case "1": case "t": case "T": case "TRUE": case "true": case "True":
                    return true;
                case "0": case "f": case "F": case "FALSE": case "false": case "False":
                    return false;
                default:
                    throw new IllegalArgumentException("strconv.ParseBool: parsing " + GoQuote.quote((String) a)
                        + ": invalid syntax");
            }
        } else if (a instanceof Long || a instanceof Double) {
            double d = ((Number) a).doubleValue();
            if (d == 0 || d == 1) {
                return d == 1;
            }
            throw new IllegalArgumentException("cannot convert " + GoText.value(a) + " to boolean");
        }
        throw new IllegalArgumentException("cannot convert " + GoText.typeOf(a) + " to boolean");
    }

    private static Object toInt(List<Object> args) {
        arity(args, "int");
        Object a = args.get(0);
        if (a instanceof Long) {
            return a;
        } else if (a instanceof Double) {
            return (long) (double) (Double) a;
        } else if (a instanceof String) {
            try {
                return Long.parseLong((String) a);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strconv.ParseInt: parsing " + GoQuote.quote((String) a)
                    + ": invalid syntax");
            }
        } else if (a instanceof Boolean) {
            return (Boolean) a ? 1L : 0L;
        } else if (a instanceof DurationValue) {
            return ((DurationValue) a).nanos();
        }
        throw new IllegalArgumentException("cannot convert " + GoText.typeOf(a) + " to integer");
    }

    private static Object toFloat(List<Object> args) {
        arity(args, "float");
        Object a = args.get(0);
        if (a instanceof Long) {
            return (double) (Long) a;
        } else if (a instanceof Double) {
            return a;
        } else if (a instanceof String) {
            try {
                return Double.parseDouble((String) a);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoQuote.quote((String) a)
                    + ": invalid syntax");
            }
        } else if (a instanceof Boolean) {
            return (Boolean) a ? 1.0 : 0.0;
        }
        throw new IllegalArgumentException("cannot convert " + GoText.typeOf(a) + " to float");
    }

    private static Object toStr(List<Object> args) {
        arity(args, "string");
        Object a = args.get(0);
        if (a instanceof Long || a instanceof Boolean || a instanceof String) {
            return a.toString();
        } else if (a instanceof Double) {
            double d = (Double) a;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return GoText.floatV(d);
            }
            // Go's strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent.
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        } else if (a instanceof DurationValue) {
            return Literals.formatDuration(((DurationValue) a).nanos());
        }
        throw new IllegalArgumentException("cannot convert " + GoText.typeOf(a) + " to string");
    }

    private static Object toDuration(List<Object> args) {
        if (args.size() != 1 && args.size() != 2) {
            throw new IllegalArgumentException("duration expects one or two arguments duration(value, unit) where "
                + "unit is optional depending on the type of value.");
        }
        Object a = args.get(0);
        if (a instanceof DurationValue) {
            return a;
        } else if (a instanceof Long) {
            return new DurationValue((Long) a * unit(args));
        } else if (a instanceof Double) {
            return new DurationValue((long) ((Double) a * unit(args)));
        } else if (a instanceof String) {
            try {
                return new DurationValue(DurationNode.parseNanos((String) a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid duration string " + GoQuote.quote((String) a));
            }
        }
        throw new IllegalArgumentException("cannot convert " + GoText.typeOf(a) + " to duration");
    }

    private static long unit(List<Object> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("duration expects unit argument for int and float values");
        }
        if (!(args.get(1) instanceof DurationValue)) {
            throw new IllegalArgumentException("invalid duration unit type: " + GoText.typeOf(args.get(1)));
        }
        return ((DurationValue) args.get(1)).nanos();
    }
}
