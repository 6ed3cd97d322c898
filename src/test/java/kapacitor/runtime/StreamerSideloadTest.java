package kapacitor.runtime;

import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.model.TaskType;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.runtime.StreamerHarness.assertAnyOrder;
import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.await;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;

/** Kapacitor's sideload streamer tests over its test values files (YAML and JSON). */
class StreamerSideloadTest {
    private final StreamerHarness h = new StreamerHarness();

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private String run(String sideload) throws Exception {
        String dir = Path.of(StreamerSideloadTest.class.getResource("/sideload").toURI()).toString();
        String script = """
            stream
                |from()
                    .database('dbname')
                    .retentionPolicy('rpname')
                    .measurement('m')
                    .groupBy('t0', 't1', 't2')
            """ + sideload.replace("DIR", dir) + """
                |log()
                |httpOut('TestStream_Sideload')
            """;
        String name = "TestStream_Sideload";
        await(h.runner.start(new TaskSpec(name, TaskType.STREAM, TickCompiler.compileTask(script, TaskType.STREAM,
            Map.of()), List.of(new DbRp("dbname", "rpname")))));
        for (String[] t : new String[][] {{"a", "m", "x"}, {"b", "n", "y"}, {"c", "o", "y"}}) {
            h.router.route("dbname", "rpname", List.of(new Point("m", "dbname", "rpname",
                Tags.of("t0", t[0], "t1", t[1], "t2", t[2]), Fields.of("value", 1.0), T0)));
        }
        // The values load off the event loop; the points wait for them, so idle means done.
        h.waitIdle(name);
        long deadline = System.nanoTime() + 10 * StreamerHarness.S;
        String out = "";
        while (System.nanoTime() < deadline) {
            try {
                out = h.httpOut(name, name);
                if (out.split("\"name\"").length == 4) {
                    break;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // Not loaded yet.
            }
            Thread.sleep(10);
        }
        return out;
    }

    private static void assertThree(String out) {
        var cols = columns("f1", "f2", "value");
        assertAnyOrder(out,
            row("m", tags("t0", "a", "t1", "m", "t2", "x", "t3", "one"), cols, at(0, 0L, 0.0, 1.0)),
            row("m", tags("t0", "b", "t1", "n", "t2", "y", "t3", "why"), cols, at(0, 2L, 3.5, 1.0)),
            row("m", tags("t0", "c", "t1", "o", "t2", "y", "t3", "why"), cols, at(0, 12L, 13.5, 1.0)));
    }

    @Test
    void sideloadYaml() throws Exception {
        assertThree(run("""
                |sideload()
                    .source('file://DIR')
                    .order('t0/{{.t0}}.yml', 't1/{{.t1}}.yml', 't2/{{.t2}}.yml')
                    .field('f1', 0)
                    .field('f2', 0.0)
                    .tag('t3', 'one')
            """));
    }

    @Test
    void sideloadJson() throws Exception {
        assertThree(run("""
                |sideload()
                    .source('file://DIR')
                    .order('t0/{{.t0}}.json', 't1/{{.t1}}.json', 't2/{{.t2}}.yml')
                    .field('f1', 0)
                    .field('f2', 0.0)
                    .tag('t3', 'one')
            """));
    }

    @Test
    void sideloadMultiple() throws Exception {
        String out = run("""
                |sideload()
                    .source('file://DIR')
                    .order('t0/{{.t0}}.yml', 't1/{{.t1}}.yml', 't2/{{.t2}}.yml')
                    .field('f1', 0)
                    .field('f2', 0.0)
                    .tag('t3', 'one')
                |sideload()
                    .source('file://DIR')
                    .order('t0/{{.t0}}.yml', 't1/{{.t1}}.yml', 't2/{{.t2}}.yml')
                    .field('other', -1.0)
            """);
        var cols = columns("f1", "f2", "other", "value");
        assertAnyOrder(out,
            row("m", tags("t0", "a", "t1", "m", "t2", "x", "t3", "one"), cols, at(0, 0L, 0.0, -1.0, 1.0)),
            row("m", tags("t0", "b", "t1", "n", "t2", "y", "t3", "why"), cols, at(0, 2L, 3.5, 56.0, 1.0)),
            row("m", tags("t0", "c", "t1", "o", "t2", "y", "t3", "why"), cols, at(0, 12L, 13.5, 56.0, 1.0)));
    }
}
