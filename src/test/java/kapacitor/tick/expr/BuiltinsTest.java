package kapacitor.tick.expr;

import kapacitor.util.GoRegex;

import static kapacitor.tick.expr.ExprTestSupport.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Function bodies called directly with boxed arguments, as Kapacitor's functions_test does. */
class BuiltinsTest {

    private static Object call(String name, Object... args) {
        Func f = Builtins.stateless(name);
        assertNotNull(f, name);
        return f.call(args);
    }

    private static Arguments ok(String name, Object expected, Object... args) {
        return Arguments.of(name, args, expected, null);
    }

    private static Arguments err(String name, String message, Object... args) {
        return Arguments.of(name, args, null, message);
    }

    static Stream<Arguments> cases() {
        Pattern axb = GoRegex.compile("a(x*)b");
        List<Arguments> c = new ArrayList<>(List.of(
            ok("bool", true, true), ok("bool", true, 1L), ok("bool", false, 0L), ok("bool", true, 1.0),
            ok("bool", false, 0.0), ok("bool", true, "true"), ok("bool", false, "false"), ok("bool", true, "T"),
            err("bool", "strconv.ParseBool: parsing \"asdf\": invalid syntax", "asdf"),
            err("bool", "cannot convert <nil> to boolean", (Object) null),
            err("bool", "cannot convert 2 to boolean", 2L),
            err("bool", "cannot convert 0.5 to boolean", 0.5),
            err("bool", "bool expects exactly one argument"),
            ok("int", 1L, true), ok("int", 0L, false), ok("int", 1L, 1.1), ok("int", 2L, 2.9999), ok("int", -2L, -2.9),
            ok("int", 1L, "1"), ok("int", 15L, Duration.ofNanos(15)),
            err("int", "strconv.ParseInt: parsing \"2.5\": invalid syntax", "2.5"),
            err("int", "cannot convert <nil> to integer", (Object) null),
            err("int", "int expects exactly one argument", null, null),
            ok("float", 1.0, true), ok("float", 1.0, 1L), ok("float", 2.5, "2.5"), ok("float", 1e3, "1e3"),
            err("float", "strconv.ParseFloat: parsing \"asdf\": invalid syntax", "asdf"),
            err("float", "cannot convert time.Duration to float", Duration.ofSeconds(1)),
            err("float", "cannot convert <nil> to float", (Object) null),
            ok("string", "true", true), ok("string", "1", 1L), ok("string", "1", 1.0), ok("string", "1.1", 1.1),
            ok("string", "2.9999", 2.9999), ok("string", "100000000000000000000000", 1e23),
            ok("string", "asdf", "asdf"), ok("string", "15s", Duration.ofSeconds(15)),
            ok("string", "90s", Duration.ofSeconds(90)), ok("string", "2h", Duration.ofHours(2)),
            ok("string", "1w", Duration.ofDays(7)), ok("string", "1500ms", Duration.ofMillis(1500)),
            err("string", "cannot convert <nil> to string", (Object) null),
            err("duration", "cannot convert bool to duration", true),
            ok("duration", Duration.ofSeconds(1), 1L, Duration.ofSeconds(1)),
            ok("duration", Duration.ofHours(1), 1.0, Duration.ofHours(1)),
            ok("duration", Duration.ofNanos((long) (2.9999 * 1e6)), 2.9999, Duration.ofMillis(1)),
            ok("duration", Duration.ofMinutes(1), "1m"), ok("duration", Duration.ofDays(14), "2w"),
            err("duration", "invalid duration string \"2.5h\"", "2.5h"),
            ok("duration", Duration.ofNanos(15), Duration.ofNanos(15)),
            err("duration", "cannot convert <nil> to duration", null, Duration.ofSeconds(1)),
            err("duration", "duration expects unit argument for int and float values", 1L),
            err("duration", "invalid duration unit type: int64", 1L, 0L),
            err("duration", "duration expects one or two arguments duration(value, unit) where unit is optional "
                + "depending on the type of value."),
            err("if", "if expects exactly three arguments", true, 6L),
            err("if", "first argument to if must be a condition with type of bool - got int64", 12L, 6L, false),
            ok("if", 1L, true, 1L, 2L), ok("if", 2L, false, 1L, 2L),
            err("if", "Different return types are not supported - second argument is int64 and third argument is "
                + "string", false, 1L, "1"),
            ok("strContains", true, "aabbc", "bc"), ok("strContains", false, "aabbc", "bx"),
            err("strContains", "strContains expects exactly two arguments", ""),
            ok("strContainsAny", true, "aabbc", "bx"), ok("strContainsAny", false, "aabbc", "xy"),
            ok("strCount", 3L, "aababc", "a"), ok("strCount", 0L, "aabbc", "x"), ok("strCount", 4L, "abc", ""),
            ok("strHasPrefix", true, "aababc", "aab"), ok("strHasPrefix", false, "aabbc", "aax"),
            ok("strHasSuffix", true, "aababc", "bc"), ok("strHasSuffix", false, "aabbc", "xbc"),
            ok("strIndex", 2L, "aababc", "ba"), ok("strIndex", -1L, "aabbc", "xbc"),
            ok("strIndex", 3L, "é-x", "x"),
            ok("strIndexAny", 0L, "aababc", "bax"), ok("strIndexAny", -1L, "aabbc", "xy"),
            ok("strLastIndex", 4L, "aababa", "ba"), ok("strLastIndex", -1L, "aabbc", "xbc"),
            ok("strLastIndexAny", 4L, "aababc", "bax"), ok("strLastIndexAny", -1L, "aabbc", "xy"),
            ok("strLength", 0L, ""), ok("strLength", 6L, "abxyzc"), ok("strLength", 2L, "é"),
            err("strLength", "strLength expects exactly one argument"),
            err("strLength", "cannot pass int64 as first arg to strLength, must be string", 1L),
            ok("strReplace", "abc", "abxyzc", "xyz", "", 1L), ok("strReplace", "zbxzzz", "abxaza", "a", "z", -1L),
            ok("strReplace", "zbxaza", "abxaza", "a", "z", 1L), ok("strReplace", "-a-b", "ab", "", "-", 2L),
            err("strReplace", "strReplace expects exactly four arguments", "", "", ""),
            ok("strSubstring", "bcde", "abcdefg", 1L, 5L),
            err("strSubstring", "strSubstring expects exactly three arguments", ""),
            err("strSubstring", "stop index too large for string in strSubstring: 10", "abcdefg", 0L, 10L),
            err("strSubstring", "found negative index for strSubstring: -1", "abcdefg", -1L, 3L),
            err("strSubstring", "found negative index for strSubstring: -3", "abcdefg", 0L, -3L),
            ok("strToLower", "abc", "ABC"), ok("strToUpper", "ABC", "abc"),
            err("strToLower", "strToLower expects exactly one argument", "", "", ""),
            ok("strTrim", "bb", "abba", "a"), ok("strTrim", "bb", "aabbaa", "a"),
            ok("strTrimLeft", "bba", "abba", "a"), ok("strTrimLeft", "bbaa", "aabbaa", "a"),
            ok("strTrimPrefix", "bba", "abba", "a"), ok("strTrimPrefix", "abbaa", "aabbaa", "a"),
            ok("strTrimRight", "abb", "abba", "a"), ok("strTrimRight", "aabb", "aabbaa", "a"),
            ok("strTrimSuffix", "abb", "abba", "a"), ok("strTrimSuffix", "aabba", "aabbaa", "a"),
            ok("strTrimSpace", "a b", " \t a b\u00a0\n"),
            ok("regexReplace", "-T-T-", axb, "-ab-axxb-", "T"), ok("regexReplace", "--xx-", axb, "-ab-axxb-", "$1"),
            ok("regexReplace", "---", axb, "-ab-axxb-", "$1W"),
            ok("regexReplace", "-W-xxW-", axb, "-ab-axxb-", "${1}W"),
            ok("regexReplace", "-W-xxW-", GoRegex.compile("a(?P<middle>x*)b"), "-ab-axxb-", "${middle}W"),
            ok("regexReplace", "$-$", axb, "ab-ab", "$$"),
            ok("regexReplace", "-b-c-", GoRegex.compile("a*"), "baaac", "-"),
            err("regexReplace", "regexReplace expects exactly three arguments", ""),
            ok("isPresent", true, 1.0), ok("isPresent", false, Missing.VALUE),
            ok("humanBytes", "9 B", 9L), ok("humanBytes", "1.0 kB", 1000L), ok("humanBytes", "82 MB", 82_000_000L),
            ok("humanBytes", "1.5 MB", 1.5e6), ok("humanBytes", "10 kB", 9_999L),
            err("humanBytes", "humanBytes expects exactly one argument"),
            ok("abs", 2.5, -2.5), err("abs", "cannot pass int64 to abs, must be float64", 1L),
            err("abs", "abs expects exactly one argument"),
            ok("max", 2.0, 1.0, 2.0), ok("max", Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY),
            ok("min", Double.NEGATIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY), ok("min", 1.0, 1.0, 2.0),
            ok("mod", 1.0, 7.0, 3.0), ok("mod", -1.0, -7.0, 3.0), ok("pow", 1.0, -1.0, Double.POSITIVE_INFINITY),
            ok("pow", 8.0, 2.0, 3.0), ok("pow10", 1000.0, 3L), ok("pow10", 0.0, -400L),
            err("pow", "cannot pass int64 to pow, must be float64", 1.0, 2L),
            ok("trunc", -2.0, -2.7), ok("exp2", 8.0, 3.0), ok("log2", 10.0, 1024.0), ok("logb", 3.0, 8.5),
            ok("logb", -1074.0, Double.MIN_VALUE), ok("sqrt", 3.0, 9.0), ok("hypot", 5.0, 3.0, 4.0),
            ok("atanh", 0.0, 0.0), ok("acosh", 0.0, 1.0), ok("asinh", 0.0, 0.0),
            ok("unixNano", 1_500_000_000_123L, Instant.ofEpochSecond(1500, 123)),
            err("hour", "cannot convert int64 to time.Time", 1L)));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void builtin(String name, Object[] args, Object expected, String message) {
        if (message != null) {
            assertEquals(message, error(() -> call(name, args)));
        } else {
            assertEquals(expected, call(name, args));
        }
    }

    @Test
    void timeFunctionsReadUtc() {
        // 2017-01-02T03:04:05Z, a Monday.
        Instant t = Instant.parse("2017-01-02T03:04:05Z");
        assertEquals(4L, call("minute", t));
        assertEquals(3L, call("hour", t));
        assertEquals(1L, call("weekday", t));
        assertEquals(0L, call("weekday", Instant.parse("2017-01-01T00:00:00Z")));
        assertEquals(2L, call("day", t));
        assertEquals(1L, call("month", t));
        assertEquals(2017L, call("year", t));
        assertTrue(call("now") instanceof Instant);
    }

    @Test
    void inverseHyperbolicsMatchDefinitions() {
        for (double x : new double[] {1e-9, 0.3, 0.75, 1.5, 3, 30}) {
            assertEquals(x, (double) call("asinh", Math.sinh(x)), Math.ulp(x) * 4,
                "asinh(sinh(" + x + "))");
        }
        assertEquals(0.5493061443340548, (double) call("atanh", 0.5), 1e-16);
        assertEquals(1.3169578969248166, (double) call("acosh", 2.0), 1e-15);
        assertEquals(0.48121182505960347, (double) call("asinh", 0.5), 1e-16);
    }
}
