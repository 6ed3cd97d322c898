package kapacitor.tick.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import kapacitor.tick.TestResources;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.ast.StringNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TickParserTest {

    /** Kapacitor's statement cases: the script and its full tree (positions, flags, comments) as an AstDump line. */
    static Stream<Arguments> kapacitorStatements() {
        String text = TestResources.read("tick/parser/statements.txt");
        List<Arguments> cases = new ArrayList<>();
        for (String block : text.split("=== script\n")) {
            if (block.isEmpty()) {
                continue;
            }
            int split = block.lastIndexOf("\n=== ast\n");
            String script = block.substring(0, split);
            String ast = block.substring(split + "\n=== ast\n".length()).strip();
            cases.add(Arguments.of(script, ast));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("kapacitorStatements")
    void parsesStatementsLikeKapacitor(String script, String expectedTree) {
        assertEquals(expectedTree, AstDump.dump(TickParser.parse(script)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "f('asdf')|asdf",
        "f('''asdf''')|asdf",
        "f('a\\'sdf')|a'sdf",
        "f('''\\'asdf''')|\\'asdf",
    })
    void unquotesStrings(String script, String literal) {
        ProgramNode p = TickParser.parse(script);
        FunctionNode f = (FunctionNode) p.nodes().get(0);
        assertEquals(literal, ((StringNode) f.args().get(0)).literal());
    }

    private static String error(String script) {
        return assertThrows(TickSyntaxException.class, () -> TickParser.parse(script)).getMessage();
    }

    @Test
    void reportsErrorsInKapacitorsWords() {
        assertEquals("parser: unexpected EOF line 4 char 9 in \"var b = \". expected: \"number\",\"string\","
            + "\"duration\",\"identifier\",\"TRUE\",\"FALSE\",\"==\",\"(\",\"-\",\"!\"", error("a\n\n\nvar b = "));
        assertEquals("parser: unexpected ) line 4 char 34 in \"var period)\". expected: \"identifier\"",
            error("a\n\n\nvar b = stream.window()var period)\n\nvar x = 1"));
        assertEquals("parser: unexpected EOF line 5 char 14 in \"eriod(10s)\". expected: \")\"",
            error("a\n\n\nvar b = stream.window(\nb.period(10s)"));
    }

    @Test
    void errorPositionIsExposed() {
        TickSyntaxException e = assertThrows(TickSyntaxException.class,
            () -> TickParser.parse("a\n\n\nvar b = "));
        assertEquals(4, e.line());
        assertEquals(9, e.column());
        assertEquals(12, e.position().offset());
    }

    @Test
    void lexerErrorsSurfaceAsUnexpectedTokens() {
        assertEquals("parser: unexpected unterminated string line 1 char 8 in \"stream('abc\". expected: "
            + "\"number\",\"string\",\"duration\",\"identifier\",\"TRUE\",\"FALSE\",\"==\",\"(\",\"-\",\"!\"",
            error("stream('abc"));
    }

    @Test
    void literalErrors() {
        assertEquals("parser: illegal number syntax: \"09\"", error("var x = 09"));
        assertEquals("parser: unexpected number line 1 char 10 in \"var x = [1]\". expected: "
            + "\"identifier\",\"string\",\"*\"", error("var x = [1]"));
        assertEquals("parser: invalid duration", error("var x = 99999999999999999999s"));
    }

    @Test
    void parsesBareLambda() {
        LambdaNode l = TickParser.parseLambda("\"value\" > 10");
        assertEquals("Lambda@0,1,1{Binary@8,1,9{> p=false ml=false Reference@0,1,1{\"value\" c=null} "
            + "Number@10,1,11{int=10 base=10 c=null} c=null} c=null}", AstDump.dump(l));
    }

    @Test
    void trailingCommentBelongsToProgram() {
        assertEquals("Program@0,1,1[Identifier@0,1,1{\"x\" c=null}, Comment@2,2,1[\"end\"]]",
            AstDump.dump(TickParser.parse("x\n// end\n")));
    }
}
