package kapacitor.tick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kapacitor.model.TaskType;
import kapacitor.pipeline.ArgKind;
import kapacitor.pipeline.DeadmanConfig;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.EdgeType;
import kapacitor.pipeline.NodeDef;
import kapacitor.pipeline.Pipeline;
import kapacitor.pipeline.UdfInfo;
import kapacitor.pipeline.UdfOption;
import kapacitor.tick.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script of Kapacitor's examples and integration tests compiles as a task, except the listed ones. */
class CorpusCompileTest {

    /** Scripts that cannot compile with no vars and no UDFs, with the error Kapacitor gives. */
    private static final Map<String, String> EXPECTED_ERRORS = Map.of(
        // templates: their typed var has no value in a task without vars
        "examples/load/templates/base_template.tick", "missing value for var \"measurement\".",
        "examples/load/templates/implicit_template.tick", "missing value for var \"measurement\".",
        "server/testdata/load/templates/base_template.tick", "missing value for var \"measurement\".",
        "server/testdata/load/templates/implicit_template.tick", "missing value for var \"measurement\".",
        // written for an older TICKscript syntax ('.' where '|' is needed now)
        "examples/scores/top_scores.tick", "line 3 char 6: no property method \"from\" on *pipeline.StreamNode, "
            + "but chaining method does exist. Use '|' operator instead: 'node|from(..)'.",
        // needs the test's UDF, see udfScriptCompilesWithItsUdf
        "integrations/streamer_TestStream_CustomFunctions.tick",
        "line 10 char 3: no method or property \"customFunc\" on *pipeline.InfluxQLNode");

    static List<Path> scripts() throws IOException {
        Path root = TestResources.path("tick/corpus");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".tick")).sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void compiles(Path script) {
        String text = TestResources.read(script);
        String name = TestResources.path("tick/corpus").relativize(script).toString();
        TaskType type = TickCompiler.taskType(TickCompiler.parse(text));
        assertNotNull(type, "task type of " + name);
        String expected = EXPECTED_ERRORS.get(name);
        if (expected == null) {
            Pipeline p = TickCompiler.compileTask(text, type, Map.of());
            assertTrue(p.size() > 1);
        } else {
            TickException e = assertThrows(TickException.class, () -> TickCompiler.compileTask(text, type, Map.of()));
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    void udfScriptCompilesWithItsUdf() {
        String text = TestResources.read("tick/corpus/integrations/streamer_TestStream_CustomFunctions.tick");
        UdfInfo info = new UdfInfo("customFunc", EdgeType.STREAM, EdgeType.STREAM, Map.of(
            "opt1", List.of(ArgKind.STRING),
            "opt2", List.of(ArgKind.BOOL, ArgKind.INT, ArgKind.FLOAT, ArgKind.STRING, ArgKind.DURATION)));
        Pipeline p = TickCompiler.compileTask(text, TaskType.STREAM, Map.of(), DeadmanConfig.defaults(),
            Map.of("customFunc", info));
        NodeDef udf = p.node("customFunc4");
        assertNotNull(udf);
        assertEquals(List.of(new UdfOption("opt1", List.of("count")), new UdfOption("opt2",
            List.of(false, 1L, 1.0, "1.0", new DurationValue(1_000_000_000L)))), udf.udfOptions());
        assertEquals("http_out5", udf.children().get(0).name());
    }
}
