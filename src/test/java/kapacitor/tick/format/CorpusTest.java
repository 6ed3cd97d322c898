package kapacitor.tick.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kapacitor.tick.TestResources;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.parser.TickParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script of Kapacitor's examples and integration tests parses, and formatting is a fixed point. */
class CorpusTest {

    static List<Path> scripts() throws IOException {
        Path root = TestResources.path("tick/corpus");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".tick")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void corpusIsPresent() throws IOException {
        assertTrue(scripts().size() > 250, "expected the copied Kapacitor scripts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void parsesAndFormatsStably(Path script) {
        ProgramNode program = TickParser.parse(TestResources.read(script));
        String formatted = TickFormatter.format(program);
        assertEquals(formatted, TickFormatter.format(TickParser.parse(formatted)));
    }
}
