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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprEvalTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 + 2 | 3",
        "7 / 2 | 3",
        "-7 % 3 | -1",
        "2 * 3 - 1 | 5",
        "1.5 + 2.0 | 3.5",
        "1.0 / 0.0 | Infinity",
        "'a' + 'b' | ab",
        "-(2) | -2",
        "-2.5 | -2.5",
        "10s / 2s | 5",
        "1 < 2.5 | true",
        "2.5 >= 2 | true",
        "2 == 2.0 | true",
        "'abc' < 'abd' | true",
        "'b' > 'abc' | true",
        "TRUE AND FALSE | false",
        "TRUE OR FALSE | true",
        "!TRUE | false",
        "TRUE != FALSE | true",
        "'cpu-total' =~ /cpu-.*/ | true",
        "'cpu-total' =~ /^total/ | false",
        "'cpu-total' !~ /^total/ | true",
        "5s > 2s | true",
        "1m == 60s | true",
    })
    void constants(String lambda, String expected) {
        assertEquals(expected, String.valueOf(eval(lambda)));
    }

    @Test
    void durationArithmetic() {
        assertEquals(Duration.ofSeconds(15), eval("10s + 5s"));
        assertEquals(Duration.ofSeconds(5), eval("10s - 5s"));
        assertEquals(Duration.ofSeconds(30), eval("10s * 3"));
        assertEquals(Duration.ofSeconds(30), eval("3 * 10s"));
        assertEquals(Duration.ofSeconds(15), eval("10s * 1.5"));
        assertEquals(Duration.ofSeconds(15), eval("1.5 * 10s"));
        assertEquals(Duration.ofSeconds(5), eval("10s / 2"));
        assertEquals(Duration.ofSeconds(4), eval("10s / 2.5"));
        assertEquals(Duration.ofSeconds(-10), eval("-10s"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 + 1.5 | got int + float",
        "1.5 * 2 | got float * int",
        "1.5 % 2.0 | invalid math operator % for type float",
        "1.5 % 10s | invalid math operator % for type float",
        "2 % 10s | got int % duration",
        "10s % 2 | invalid math operator % for type duration",
        "10s OR 5 | invalid logical operator OR for type duration",
        "5 OR 5 | invalid logical operator OR for type int",
        "10s == 5 | got duration == int",
        "10s * 10s | got duration * duration",
        "2 + 10s | got int + duration",
        "TRUE < FALSE | invalid comparison operator < for type boolean",
        "'a' - 'b' | invalid math operator - for type string",
    })
    void compileTimeTypeErrors(String lambda, String message) {
        // "got ..." abbreviates Kapacitor's mismatched type message.
        String expected = message.startsWith("got ")
            ? "mismatched type to binary operator. " + message + ". see bool(), int(), float(), string(), duration()"
            : message;
        assertEquals(expected, error(() -> compile(lambda)));
    }

    @Test
    void nestedCompileErrorsNameTheSide() {
        assertEquals("Failed to handle left node: mismatched type to binary operator. got int + float. see bool(), "
            + "int(), float(), string(), duration()", error(() -> compile("(1 + 1.5) > 2")));
        assertEquals("Failed to handle right node: Given node type is not valid evaluation node: *ast.IdentifierNode",
            error(() -> ExprCompiler.compileNode(new kapacitor.tick.ast.BinaryNode(null,
                kapacitor.tick.lexer.TokenType.AND, new kapacitor.tick.ast.BoolNode(null, true, null),
                new kapacitor.tick.ast.IdentifierNode(null, "x", null), false, false, null))));
    }

    @Test
    void dynamicOperandTypeErrorsAtEvaluation() {
        Expr e = compile("\"a\" + 1 > 2");
        assertEquals("mismatched type to binary operator. got float + int. see bool(), int(), float(), string(), "
            + "duration()", error(() -> e.evalBool(point("a", 1.0), e.newState())));
        assertEquals(true, e.evalBool(point("a", 2L), e.newState()));
        Expr neg = compile("-\"x\" > 1");
        assertEquals("expected leftEvaluator to be *EvalReferenceNode got *stateful.EvalUnaryNode",
            error(() -> neg.evalBool(point(), neg.newState())));
    }

    @Test
    void integerDivisionByZero() {
        assertEquals("runtime error: integer divide by zero", error(() -> eval("10 / 0")));
        assertEquals("runtime error: integer divide by zero", error(() -> eval("10 % 0")));
        assertEquals(Double.POSITIVE_INFINITY, eval("\"x\" / 0.0", "x", 1.0));
    }

    @Test
    void wrongResultType() {
        Expr e = compile("5.0 + 10.0");
        assertEquals("expression returned unexpected type float64",
            error(() -> e.evalBool(MapScope.strict(map()), e.newState())));
        Expr s = compile("'a' + 'b'");
        assertEquals("expression returned unexpected type <nil>",
            error(() -> s.evalBool(MapScope.strict(map()), s.newState())));
        assertEquals("TypeGuard: expression returned unexpected type int, expected float",
            error(() -> compile("1 + 2").evalFloat(MapScope.strict(map()), null)));
    }

    @Test
    void pointReferencesResolveFieldsThenTagsThenTime() {
        Expr e = compile("\"host\" == 'a' AND \"usage\" > 10 AND unixNano(\"time\") == 5");
        ExprState st = e.newState();
        assertTrue(e.evalBool(tagged(Tags.of("host", "a"), 5L, "usage", 11.0), st));
        assertFalse(e.evalBool(tagged(Tags.of("host", "b"), 5L, "usage", 11.0), st));
        assertFalse(e.evalBool(tagged(Tags.of("host", "a"), 5L, "usage", 9L), st));
    }

    @Test
    void fieldChangingTypeRespecialises() {
        Expr e = compile("\"value\" > 10.0");
        ExprState st = e.newState();
        assertTrue(e.evalBool(point("value", 20.0), st));
        assertFalse(e.evalBool(point("value", 5L), st));
        assertTrue(e.evalBool(point("value", 11L), st));
        assertTrue(e.evalBool(point("value", 10.5), st));

        Expr nested = compile("\"value\" < 10.0 AND \"value\" > 7.0");
        assertTrue(nested.evalBool(point("value", 8.0), st));
        assertFalse(nested.evalBool(point("value", 5L), st));
        assertFalse(nested.evalBool(point("value", 11L), st));

        Expr neg = compile("-\"value\"");
        assertEquals(-20.0, neg.eval(point("value", 20.0), st));
        assertEquals(-20L, neg.eval(point("value", 20L), st));
    }

    @Test
    void mathAfterTypeChangeReportsMismatch() {
        Expr e = compile("\"value\" + 10.0");
        ExprState st = e.newState();
        assertEquals(30.0, e.eval(point("value", 20.0), st));
        assertEquals("mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), "
            + "duration()", error(() -> e.eval(point("value", 5L), st)));
    }

    @Test
    void missingFieldErrors() {
        Expr e = compile("\"value\" > 10");
        assertEquals("left reference value \"value\" is missing value",
            error(() -> e.evalBool(point("other", 1.0), e.newState())));
        Expr r = compile("10 < \"value\"");
        assertEquals("right reference value \"value\" is missing value",
            error(() -> r.evalBool(point("other", 1.0), r.newState())));
        Expr plain = compile("\"value\"");
        assertEquals("missing value: \"value\"", error(() -> plain.eval(point(), plain.newState())));
        assertEquals("reference \"value\" is missing value",
            error(() -> plain.evalFloat(point(), plain.newState())));
    }

    @Test
    void fieldAndTagWithSameNameIsAnError() {
        Expr e = compile("\"host\" == 'a'");
        assertEquals("cannot have field and tags with same name \"host\"",
            error(() -> e.evalBool(tagged(Tags.of("host", "a"), 0L, "host", "a"), e.newState())));
    }

    @Test
    void undefinedNameInStrictScope() {
        assertEquals("name \"value\" is undefined. Names in scope: ", error(() -> eval("\"value\"")));
        assertEquals("name \"value\" is undefined. Names in scope: ", error(() -> eval("\"value\" > 1")));
        assertEquals("name \"value\" is undefined. Names in scope: a", error(() -> eval("-\"value\"", "a", 1L)));
    }

    @Test
    void invalidValueTypeInScope() {
        Expr e = compile("\"value\"");
        assertEquals("TypeGuard: expression returned unexpected type invalid type, expected boolean",
            error(() -> e.evalBool(MapScope.of(map("value", new int[] {1})), e.newState())));
    }

    @Test
    void shortCircuitSkipsRightSide() {
        // The right side would fail on the missing field; AND and OR must not reach it.
        Expr and = compile("FALSE AND \"missing\" > 1");
        assertFalse(and.evalBool(point(), and.newState()));
        Expr or = compile("TRUE OR \"missing\" > 1");
        assertTrue(or.evalBool(point(), or.newState()));
    }

    @Test
    void unaryTypeGuards() {
        Expr not = compile("!\"value\"");
        assertEquals("TypeGuard: expression returned unexpected type int, expected boolean",
            error(() -> not.evalBool(MapScope.of(map("value", 1L)), null)));
        Expr neg = compile("-\"value\"");
        assertEquals("TypeGuard: expression returned unexpected type boolean, expected int",
            error(() -> neg.evalInt(MapScope.of(map("value", true)), null)));
        assertEquals("TypeGuard: expression returned unexpected type boolean, expected string",
            error(() -> compile("!TRUE").evalString(MapScope.of(map()), null)));
    }

    @Test
    void stringValuesFromTagsAndFields() {
        Expr e = compile("\"host\" + '-' + \"dc\"");
        assertEquals("a-x", e.evalString(tagged(Tags.of("host", "a"), 0L, "dc", "x"), e.newState()));
    }

    @Test
    void extraValuesFillNamesThePointLacks() {
        // An eval node's earlier results: the point's own fields still win, as in Kapacitor's fillScope.
        Expr e = compile("\"a\" + \"b\"");
        ExprState st = e.newState();
        java.util.Map<String, Object> computed = map("b", 5.0, "a", 100.0);
        assertEquals(6.0, e.eval(e.scope(point("a", 1.0), computed), st));
        Expr d = compile("\"d\" > 1s AND \"s\" == 'x' AND \"flag\"");
        assertTrue(d.evalBool(d.scope(point(), map("d", Duration.ofSeconds(2), "s", "x", "flag", true)), st));
        // Without the extra value "b" is missing; the type check reports it as Kapacitor's Type() does.
        assertEquals("mismatched type to binary operator. got float + missing. see bool(), int(), float(), string(), "
            + "duration()", error(() -> e.eval(e.scope(point("a", 1.0)), st)));
    }

    @Test
    void mapScopeDurationsAndComputedValues() {
        Expr e = compile("\"d\" * 2 > 15s");
        assertTrue(e.evalBool(MapScope.of(map("d", Duration.ofSeconds(8))), e.newState()));
        assertEquals(java.util.List.of("d"), e.references());
    }

    @Test
    void toStringPrintsLikeKapacitor() {
        assertEquals("\"a\" > 10 AND abs(\"b\") < 1.5", compile("\"a\" > 10 AND abs(\"b\") < 1.5").toString());
    }
}
