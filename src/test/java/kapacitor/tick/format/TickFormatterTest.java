package kapacitor.tick.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kapacitor.tick.TestResources;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.parser.TickParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TickFormatterTest {

    static Stream<Arguments> kapacitorCases() throws IOException {
        Path dir = TestResources.path("tick/format");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".input.tick")).sorted()
                .collect(Collectors.toList());
        }
        return inputs.stream().map(in -> {
            String name = in.getFileName().toString().replace(".input.tick", "");
            return Arguments.of(name, TestResources.read(in),
                TestResources.read(dir.resolve(name + ".expected.tick")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kapacitorCases")
    void formatsLikeKapacitor(String name, String script, String expected) {
        assertEquals(expected, TickFormatter.format(script));
    }

    static Stream<Arguments> smallScripts() {
        return Stream.of(
            Arguments.of("var x = 0.5", "var x = 0.5\n"),
            Arguments.of("var x = .5", "var x = 0.5\n"),
            Arguments.of("var x = 42.", "var x = 42.0\n"),
            Arguments.of("var x = 1.50", "var x = 1.5\n"),
            Arguments.of("var x = 100000000000000000000.0", "var x = 100000000000000000000.0\n"),
            Arguments.of("var x = 00", "var x = 00\n"),
            Arguments.of("var x = 'it''s'", "var x = 'it'\n\n's'\n"),
            Arguments.of("var x = 'it\\'s'", "var x = 'it\\'s'\n"),
            Arguments.of("var x = '''it's'''", "var x = '''it's'''\n"),
            Arguments.of("var x = \"a\\\"b\"", "var x = \"a\\\"b\"\n"),
            Arguments.of("dbrp \"db\".\"rp\"", "dbrp \"db\".\"rp\"\n"),
            Arguments.of("var x string", "var x string\n"),
            Arguments.of("var x = [ a,'b' , * ]", "var x = [a, 'b', *]\n"),
            Arguments.of("var x = -(1 + 2)", "var x = -(1 + 2)\n"),
            Arguments.of("var x = !TRUE", "var x = !TRUE\n"),
            Arguments.of("var x = lambda: \"a\" =~ /b\\/c/", "var x = lambda: \"a\" =~ /b\\/c/\n"),
            Arguments.of("var x = a.b", "var x = a\n        .b\n"),
            Arguments.of("s @ udf() .opt(1)", "s\n    @udf()\n        .opt(1)\n"));
    }

    @ParameterizedTest
    @MethodSource("smallScripts")
    void formatsSmallScripts(String script, String expected) {
        assertEquals(expected, TickFormatter.format(script));
    }

    @Test
    void commentedListIndentsItemsLikeKapacitor() {
        assertEquals("f(\n    // c\n    [    'a',     'b']\n)\n", TickFormatter.format("f(\n// c\n['a', 'b'])"));
    }

    @Test
    void expressionStringOfLambda() {
        LambdaNode l = TickParser.parseLambda("\"value\"   >  10 AND\n\"x\" == 'y'");
        assertEquals("\"value\" > 10 AND\n\"x\" == 'y'", TickFormatter.expressionString(l));
    }
}
