package kapacitor.tick.expr;

import static kapacitor.tick.expr.ExprTestSupport.compile;
import static kapacitor.tick.expr.ExprTestSupport.error;
import static kapacitor.tick.expr.ExprTestSupport.eval;
import static kapacitor.tick.expr.ExprTestSupport.map;
import static kapacitor.tick.expr.ExprTestSupport.point;
import static kapacitor.tick.expr.ExprTestSupport.tagged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kapacitor.model.Tags;
import org.junit.jupiter.api.Test;

/** Function calls inside expressions: signatures, argument errors, stateful functions. */
class FunctionEvalTest {

    @Test
    void undefinedFunction() {
        assertEquals("undefined function: \"yosi_the_king\"", error(() -> eval("yosi_the_king()")));
    }

    @Test
    void argumentErrorsNameTheArgument() {
        assertEquals("Failed to handle 1 argument: name \"value\" is undefined. Names in scope: ",
            error(() -> eval("abs(\"value\")")));
    }

    @Test
    void callErrorsNameTheFunction() {
        Expr e = compile("sigma(TRUE)");
        assertEquals("error calling \"sigma\": value is not a float",
            error(() -> e.evalFloat(MapScope.of(map()), e.newState())));
    }

    @Test
    void wrongSignature() {
        assertEquals("Cannot call function \"abs\" with args (\"value\": int), available signatures are [(float)].",
            error(() -> eval("abs(\"value\")", "value", 1L)));
        assertEquals("Cannot call function \"bool\" with args (10s: duration), available signatures are "
            + "[(boolean), (string), (int), (float)].", error(() -> eval("bool(10s)")));
        assertEquals("Cannot call function \"pow\" with args (2.5: float,1: int), available signatures are "
            + "[(float,float)].", error(() -> eval("pow(2.5, 1)")));
    }

    @Test
    void missingArgumentsListTheRestOfTheScope() {
        Expr one = compile("abs(\"x\") > \"y\"");
        assertEquals("Cannot call function \"abs\" argument \"x\" is missing, values in scope are [\"y\"]",
            error(() -> one.evalBool(point("y", 1.0), one.newState())));
        Expr two = compile("pow(\"x\", \"z\") > \"y\"");
        assertEquals("Cannot call function \"pow\" arguments \"x\", \"z\" are missing, values in scope are [\"y\"]",
            error(() -> two.evalBool(point("y", 1.0), two.newState())));
    }

    @Test
    void isPresent() {
        Expr e = compile("isPresent(\"x\")");
        ExprState st = e.newState();
        assertTrue(e.evalBool(point("x", 1.0), st));
        assertFalse(e.evalBool(point("y", 1.0), st));
        Expr tag = compile("isPresent(\"host\")");
        assertTrue(tag.evalBool(tagged(Tags.of("host", "a"), 0L), tag.newState()));
    }

    @Test
    void countKeepsStatePerExprState() {
        Expr e = compile("count()");
        ExprState a = e.newState();
        ExprState b = e.newState();
        assertEquals(1L, e.evalInt(point(), a));
        assertEquals(2L, e.evalInt(point(), a));
        assertEquals(1L, e.evalInt(point(), b));
        a.reset();
        assertEquals(1L, e.evalInt(point(), a));
    }

    @Test
    void countInsideAPredicateCountsOncePerEvaluation() {
        Expr e = compile("count() == 2");
        ExprState st = e.newState();
        assertFalse(e.evalBool(point(), st));
        assertTrue(e.evalBool(point(), st));
        assertFalse(e.evalBool(point(), st));
    }

    @Test
    void sameStatefulFunctionSharesStateWithinAnExpression() {
        // Kapacitor keeps one instance per function name per expression.
        Expr e = compile("count() + count()");
        ExprState st = e.newState();
        assertEquals(3L, e.evalInt(point(), st));
        assertEquals(7L, e.evalInt(point(), st));
    }

    @Test
    void sigma() {
        Expr e = compile("sigma(\"value\")");
        ExprState st = e.newState();
        double[] values = {10, 11, 12, 13, 20};
        double[] results = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            results[i] = e.evalFloat(point("value", values[i]), st);
        }
        assertEquals(0.0, results[0]);
        // Running mean 10.5, sample stddev 0.7071: |11 - 10.5| / 0.7071.
        assertEquals(0.7071067811865476, results[1], 1e-15);
        assertEquals(1.0, results[2], 1e-15);
        // After 20: mean 13.2, sample variance 15.7.
        assertEquals(Math.abs(20 - 13.2) / Math.sqrt(15.7), results[4], 1e-12);
    }

    @Test
    void spread() {
        Expr e = compile("spread(\"value\")");
        ExprState st = e.newState();
        assertEquals(0.0, e.evalFloat(point("value", 5.0), st));
        assertEquals(3.0, e.evalFloat(point("value", 2.0), st));
        assertEquals(7.0, e.evalFloat(point("value", 9.0), st));
        st.reset();
        assertEquals(0.0, e.evalFloat(point("value", 1.0), st));
    }

    @Test
    void randStaysInRange() {
        Expr e = compile("rand(10)");
        ExprState st = e.newState();
        for (int i = 0; i < 100; i++) {
            long v = e.evalInt(point(), st);
            assertTrue(v >= 0 && v < 10, "rand(10) gave " + v);
        }
        Expr unbounded = compile("rand()");
        assertTrue(unbounded.evalInt(point(), unbounded.newState()) >= 0);
    }

    @Test
    void ifFunction() {
        assertEquals("hot", eval("if(\"v\" > 10.0, 'hot', 'cold')", "v", 11.0));
        assertEquals(2L, eval("if(FALSE, 1, 2)"));
        assertEquals("Cannot call function \"if\" with args (true: boolean,1: int,b: string), available signatures "
            + "are [(boolean,float,float), (boolean,int,int), (boolean,string,string), (boolean,boolean,boolean), "
            + "(boolean,regex,regex), (boolean,time,time), (boolean,duration,duration)].",
            error(() -> eval("if(TRUE, 1, 'b')")));
    }

    @Test
    void conversionsInExpressions() {
        assertEquals(3.5, eval("float(\"i\") + 0.5", "i", 3L));
        assertEquals(3L, eval("int(\"f\") + 1", "f", 2.9));
        assertEquals("x=2.5", eval("'x=' + string(\"f\")", "f", 2.5));
        assertEquals(Duration.ofSeconds(30), eval("duration(\"n\", 1s)", "n", 30L));
        // Kapacitor's signature table only has (string,duration): the unit must be given and is ignored.
        assertEquals(Duration.ofMinutes(5), eval("duration('5m', 1s)"));
        assertEquals("Cannot call function \"duration\" with args (5m: string), available signatures are "
            + "[(duration), (int,duration), (float,duration), (string,duration)].",
            error(() -> eval("duration('5m')")));
        assertEquals(true, eval("bool('true') AND bool(1)"));
    }

    @Test
    void timeFunctionsOnPointTime() {
        long t = java.time.Instant.parse("2017-06-15T13:45:00Z").toEpochMilli() * 1_000_000L;
        Expr e = compile("hour(\"time\") == 13 AND minute(\"time\") == 45 AND weekday(\"time\") == 4 "
            + "AND day(\"time\") == 15 AND month(\"time\") == 6 AND year(\"time\") == 2017");
        assertTrue(e.evalBool(tagged(Tags.EMPTY, t), e.newState()));
        assertEquals(t, compile("unixNano(\"time\")").evalInt(tagged(Tags.EMPTY, t), null));
    }

    @Test
    void stringAndRegexFunctions() {
        Expr e = compile("strToUpper(strTrimPrefix(\"host\", 'srv-'))");
        assertEquals("WEB1", e.evalString(tagged(Tags.of("host", "srv-web1"), 0L), e.newState()));
        assertEquals("web", eval("regexReplace(/(?P<role>[a-z]+)\\d+/, \"h\", '${role}')", "h", "web12"));
        assertEquals(true, eval("strLength(\"h\") == 5 AND strContains(\"h\", 'b1')", "h", "web12"));
    }

    @Test
    void mathFunctionsInExpressions() {
        assertEquals(2.0, eval("sqrt(\"v\")", "v", 4.0));
        assertEquals(Math.atan2(1, 2), eval("atan2(1.0, 2.0)"));
        assertEquals(0.0, eval("abs(-\"v\") - 4.0", "v", 4.0));
    }
}
