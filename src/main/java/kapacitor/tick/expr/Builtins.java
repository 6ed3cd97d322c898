package kapacitor.tick.expr;

import kapacitor.util.GoRegex;

import static kapacitor.tick.expr.ValueType.BOOL;
import static kapacitor.tick.expr.ValueType.DURATION;
import static kapacitor.tick.expr.ValueType.FLOAT;
import static kapacitor.tick.expr.ValueType.INT;
import static kapacitor.tick.expr.ValueType.MISSING;
import static kapacitor.tick.expr.ValueType.REGEX;
import static kapacitor.tick.expr.ValueType.STRING;
import static kapacitor.tick.expr.ValueType.TIME;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/** Kapacitor's built-in expression functions by name; stateful ones get a fresh instance per {@link ExprState}. */
final class Builtins {
    private static final Map<String, Func> STATELESS = new HashMap<>();
    private static final Map<String, Supplier<Func>> STATEFUL = new HashMap<>();

    private Builtins() {
    }

    static Func stateless(String name) {
        return STATELESS.get(name);
    }

    static Supplier<Func> stateful(String name) {
        return STATEFUL.get(name);
    }

    /** A function with a fixed argument count whose body checks its own argument types. */
    private static Func func(Signature sig, int arity, String arityError, Function<Object[], Object> body) {
        return new Func() {
            @Override
            public Signature signature() {
                return sig;
            }

            @Override
            public Object call(Object[] args) {
                if (args.length != arity) {
                    throw new ExprException(arityError);
                }
                return body.apply(args);
            }
        };
    }

    private static ExprException cannotPass(Object v, String rest) {
        return new ExprException("cannot pass " + Values.goTypeName(v) + rest);
    }

    private static void math1(String name, DoubleUnaryOperator f) {
        STATELESS.put(name, func(Signature.of(FLOAT, FLOAT), 1, name + " expects exactly one argument", a -> {
            if (!(a[0] instanceof Double x)) {
                throw cannotPass(a[0], " to " + name + ", must be float64");
            }
            return f.applyAsDouble(x);
        }));
    }

    private static void math2(String name, DoubleBinaryOperator f) {
        STATELESS.put(name, func(Signature.of(FLOAT, FLOAT, FLOAT), 2, name + " expects exactly two arguments", a -> {
            if (!(a[0] instanceof Double x)) {
                throw cannotPass(a[0], " to " + name + ", must be float64");
            }
            if (!(a[1] instanceof Double y)) {
                throw cannotPass(a[1], " to " + name + ", must be float64");
            }
            return f.applyAsDouble(x, y);
        }));
    }

    private interface IntFloatBody {
        double apply(long n, double x);
    }

    private static void mathIntFloat(String name, IntFloatBody f) {
        STATELESS.put(name, func(Signature.of(FLOAT, INT, FLOAT), 2, name + " expects exactly two arguments", a -> {
            if (!(a[0] instanceof Long n)) {
                throw cannotPass(a[0], " to " + name + " as first arg, must be int64");
            }
            if (!(a[1] instanceof Double x)) {
                throw cannotPass(a[1], " to " + name + " as second arg, must be float64");
            }
            return f.apply(n, x);
        }));
    }

    private interface StringBody {
        Object apply(String a, String b);
    }

    private static void string2(String name, ValueType result, StringBody f) {
        STATELESS.put(name, func(Signature.of(result, STRING, STRING), 2, name + " expects exactly two arguments",
            a -> {
                if (!(a[0] instanceof String x)) {
                    throw cannotPass(a[0], " as first arg to " + name + ", must be string");
                }
                if (!(a[1] instanceof String y)) {
                    throw cannotPass(a[1], " as second arg to " + name + ", must be string");
                }
                return f.apply(x, y);
            }));
    }

    private static void string1(String name, Function<String, String> f) {
        STATELESS.put(name, func(Signature.of(STRING, STRING), 1, name + " expects exactly one argument", a -> {
            if (!(a[0] instanceof String x)) {
                throw cannotPass(a[0], " as first arg to " + name + ", must be string");
            }
            return f.apply(x);
        }));
    }

    private static void timeFunc(String name, ToLongFunction<ZonedDateTime> f) {
        STATELESS.put(name, func(Signature.of(INT, TIME), 1, name + " expects exactly one argument", a -> {
            if (!(a[0] instanceof Instant t)) {
                throw new ExprException("cannot convert " + Values.goTypeName(a[0]) + " to time.Time");
            }
            // Kapacitor reads the time in the server's zone; servers run in UTC.
            return f.applyAsLong(t.atZone(ZoneOffset.UTC));
        }));
    }

    static {
        STATELESS.put("bool", Conversions.BOOL_FN);
        STATELESS.put("int", Conversions.INT_FN);
        STATELESS.put("float", Conversions.FLOAT_FN);
        STATELESS.put("string", Conversions.STRING_FN);
        STATELESS.put("duration", Conversions.DURATION_FN);

        math1("abs", Math::abs);
        math1("acos", Math::acos);
        math1("acosh", GoMath::acosh);
        math1("asin", Math::asin);
        math1("asinh", GoMath::asinh);
        math1("atan", Math::atan);
        math2("atan2", Math::atan2);
        math1("atanh", GoMath::atanh);
        math1("cbrt", Math::cbrt);
        math1("ceil", Math::ceil);
        math1("cos", Math::cos);
        math1("cosh", Math::cosh);
        math1("erf", SpecialFunctions::erf);
        math1("erfc", SpecialFunctions::erfc);
        math1("exp", Math::exp);
        math1("exp2", GoMath::exp2);
        math1("expm1", Math::expm1);
        math1("floor", Math::floor);
        math1("gamma", SpecialFunctions::gamma);
        math2("hypot", Math::hypot);
        math1("j0", SpecialFunctions::j0);
        math1("j1", SpecialFunctions::j1);
        mathIntFloat("jn", SpecialFunctions::jn);
        math1("log", Math::log);
        math1("log10", Math::log10);
        math1("log1p", Math::log1p);
        math1("log2", GoMath::log2);
        math1("logb", GoMath::logb);
        math2("max", GoMath::max);
        math2("min", GoMath::min);
        math2("mod", (x, y) -> x % y);
        math2("pow", GoMath::pow);
        STATELESS.put("pow10", func(Signature.of(FLOAT, INT), 1, "pow10 expects exactly two arguments", a -> {
            if (!(a[0] instanceof Long n)) {
                throw cannotPass(a[0], " to pow10, must be int64");
            }
            return GoMath.pow10(n);
        }));
        math1("sin", Math::sin);
        math1("sinh", Math::sinh);
        math1("sqrt", Math::sqrt);
        math1("tan", Math::tan);
        math1("tanh", Math::tanh);
        math1("trunc", GoMath::trunc);
        math1("y0", SpecialFunctions::y0);
        math1("y1", SpecialFunctions::y1);
        mathIntFloat("yn", SpecialFunctions::yn);

        string2("strContains", BOOL, String::contains);
        string2("strContainsAny", BOOL, (s, chars) -> GoStrings.indexAny(s, chars) >= 0);
        string2("strCount", INT, (s, sep) -> GoStrings.count(s, sep));
        string2("strHasPrefix", BOOL, String::startsWith);
        string2("strHasSuffix", BOOL, String::endsWith);
        string2("strIndex", INT, (s, sub) -> GoStrings.byteIndex(s, s.indexOf(sub)));
        string2("strIndexAny", INT, (s, chars) -> GoStrings.byteIndex(s, GoStrings.indexAny(s, chars)));
        string2("strLastIndex", INT, (s, sub) -> GoStrings.byteIndex(s, s.lastIndexOf(sub)));
        string2("strLastIndexAny", INT, (s, chars) -> GoStrings.byteIndex(s, GoStrings.lastIndexAny(s, chars)));
        STATELESS.put("strLength", func(Signature.of(INT, STRING), 1, "strLength expects exactly one argument", a -> {
            if (!(a[0] instanceof String s)) {
                throw cannotPass(a[0], " as first arg to strLength, must be string");
            }
            return (long) GoStrings.utf8Length(s);
        }));
        STATELESS.put("strReplace", func(Signature.of(STRING, STRING, STRING, STRING, INT), 4,
            "strReplace expects exactly four arguments", a -> {
                String[] ord = {"first", "second", "third"};
                for (int i = 0; i < 3; i++) {
                    if (!(a[i] instanceof String)) {
                        throw cannotPass(a[i], " as " + ord[i] + " arg to strReplace, must be string");
                    }
                }
                if (!(a[3] instanceof Long n)) {
                    throw cannotPass(a[3], " as fourth arg to strReplace, must be int");
                }
                return GoStrings.replace((String) a[0], (String) a[1], (String) a[2], n);
            }));
        STATELESS.put("strSubstring", func(Signature.of(STRING, STRING, INT, INT), 3,
            "strSubstring expects exactly three arguments", a -> {
                if (!(a[0] instanceof String s)) {
                    throw cannotPass(a[0], " as first arg to strSubstring, must be string");
                }
                if (!(a[1] instanceof Long start)) {
                    throw cannotPass(a[1], " as second arg to strSubstring, must be int");
                }
                if (!(a[2] instanceof Long stop)) {
                    throw cannotPass(a[2], " as third arg to strSubstring, must be int");
                }
                return GoStrings.substring(s, start, stop);
            }));
        string1("strToLower", s -> s.toLowerCase(java.util.Locale.ROOT));
        string1("strToUpper", s -> s.toUpperCase(java.util.Locale.ROOT));
        string2("strTrim", STRING, (s, cut) -> GoStrings.trimRight(GoStrings.trimLeft(s, cut), cut));
        string2("strTrimLeft", STRING, GoStrings::trimLeft);
        string2("strTrimPrefix", STRING, (s, p) -> s.startsWith(p) ? s.substring(p.length()) : s);
        string2("strTrimRight", STRING, GoStrings::trimRight);
        string1("strTrimSpace", GoStrings::trimSpace);
        string2("strTrimSuffix", STRING, (s, p) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);

        STATELESS.put("regexReplace", func(Signature.of(STRING, REGEX, STRING, STRING), 3,
            "regexReplace expects exactly three arguments", a -> {
                if (!(a[0] instanceof Pattern p)) {
                    throw cannotPass(a[0], " as first arg to regexReplace, must be regex");
                }
                if (!(a[1] instanceof String src)) {
                    throw cannotPass(a[1], " as second arg to regexReplace, must be string");
                }
                if (!(a[2] instanceof String repl)) {
                    throw cannotPass(a[2], " as third arg to regexReplace, must be string");
                }
                return GoRegex.replaceAll(p, src, repl);
            }));

        STATELESS.put("isPresent", func(new Signature().add(BOOL, MISSING).add(BOOL, BOOL).add(BOOL, STRING)
            .add(BOOL, INT).add(BOOL, FLOAT), 1, "isMissing expects exactly one argument",
            a -> !(a[0] instanceof Missing)));

        timeFunc("unixNano", t -> Values.instantNanos(t.toInstant()));
        timeFunc("minute", ZonedDateTime::getMinute);
        timeFunc("hour", ZonedDateTime::getHour);
        timeFunc("weekday", t -> t.getDayOfWeek().getValue() % 7);
        timeFunc("day", ZonedDateTime::getDayOfMonth);
        timeFunc("month", ZonedDateTime::getMonthValue);
        timeFunc("year", ZonedDateTime::getYear);
        STATELESS.put("now", func(Signature.of(TIME), 0, "now expects exactly zero argument", a -> Instant.now()));

        STATELESS.put("humanBytes", func(new Signature().add(STRING, FLOAT).add(STRING, INT), 1,
            "humanBytes expects exactly one argument", a -> {
                if (a[0] instanceof Double d) {
                    return HumanBytes.format(Values.goUint64(d));
                }
                if (a[0] instanceof Long l) {
                    return HumanBytes.format(l);
                }
                throw new ExprException("cannot convert " + Values.goTypeName(a[0]) + " to humanBytes");
            }));

        Signature ifSig = new Signature();
        for (ValueType t : new ValueType[] {FLOAT, INT, STRING, BOOL, REGEX, TIME, DURATION}) {
            ifSig.add(t, BOOL, t, t);
        }
        STATELESS.put("if", func(ifSig, 3, "if expects exactly three arguments", a -> {
            if (!(a[0] instanceof Boolean cond)) {
                throw new ExprException("first argument to if must be a condition with type of bool - got "
                    + Values.goTypeName(a[0]));
            }
            if (ValueType.of(a[1]) != ValueType.of(a[2]) || (a[1] == null) != (a[2] == null)) {
                throw new ExprException("Different return types are not supported - second argument is "
                    + Values.goTypeName(a[1]) + " and third argument is " + Values.goTypeName(a[2]));
            }
            return cond ? a[1] : a[2];
        }));

        STATEFUL.put("sigma", StatefulFuncs.Sigma::new);
        STATEFUL.put("count", StatefulFuncs.Count::new);
        STATEFUL.put("spread", StatefulFuncs.Spread::new);
        STATEFUL.put("rand", StatefulFuncs.Rand::new);
    }
}
