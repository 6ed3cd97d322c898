package kapacitor.tick.expr;

import kapacitor.util.GoRegex;

import static kapacitor.tick.expr.ExprTestSupport.compile;
import static kapacitor.tick.expr.ExprTestSupport.error;
import static kapacitor.tick.expr.ExprTestSupport.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RE2 patterns as TICKscript writes them, on java.util.regex. */
class GoRegexTest {

    private static boolean matches(String re2, String s) {
        return GoRegex.compile(re2).matcher(s).find();
    }

    @Test
    void namedGroupsUseGoSyntax() {
        assertEquals("(?<host>\\w+)-\\d", GoRegex.translate("(?P<host>\\w+)-\\d"));
        assertTrue(matches("(?P<host>\\w+)-\\d", "web-1"));
    }

    @Test
    void dollarMatchesOnlyAtTheEndUnlessMultiline() {
        assertFalse(matches("a$", "a\n"));
        assertTrue(matches("a$", "xa"));
        assertTrue(matches("(?m)a$", "a\nb"));
    }

    @Test
    void dotStopsOnlyAtNewline() {
        assertTrue(matches("a.b", "a\rb"));
        assertFalse(matches("a.b", "a\nb"));
        assertTrue(matches("(?s)a.b", "a\nb"));
    }

    @Test
    void posixClassesAndLiteralBracketsInClasses() {
        assertTrue(matches("^[[:alpha:]]+$", "abc"));
        assertFalse(matches("^[[:digit:]]+$", "12a"));
        assertTrue(matches("^[[:^digit:]]+$", "abc"));
        assertTrue(matches("[]a]", "]"));
        assertTrue(matches("[a&&b]", "&"));
        assertTrue(matches("[a[]", "["));
    }

    @Test
    void caseFoldingIsUnicodeAware() {
        assertTrue(matches("(?i)ÉTÉ", "été"));
    }

    @Test
    void escapedSlashInLiteral() {
        assertEquals(true, eval("\"path\" =~ /^\\/var\\/log/", "path", "/var/log/syslog"));
    }

    @Test
    void badPatternIsACompileError() {
        // The parser rejects such literals already; a hand-built node still fails cleanly.
        kapacitor.tick.ast.RegexNode node = new kapacitor.tick.ast.RegexNode(
            new kapacitor.tick.ast.Position(0, 1, 1), "a(", "a(", null);
        String msg = error(() -> ExprCompiler.compileNode(node));
        assertTrue(msg.startsWith("error parsing regexp: "), msg);
    }

    @Test
    void stateFromAnotherExpressionIsRejected() {
        Expr a = compile("count()");
        Expr b = compile("count()");
        assertThrows(IllegalArgumentException.class, () -> a.evalInt(ExprTestSupport.point(), b.newState()));
        assertThrows(IllegalArgumentException.class, () -> a.evalInt(ExprTestSupport.point(), null));
    }
}
