package kapacitor.runtime;

import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.model.TaskType;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.runtime.StreamerHarness.await;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kapacitor's TestStream_Barrier_Idle on the real clock, scaled from seconds to 10 ms steps (Kapacitor's test uses a
 * fake clock): the idle barrier closes the last window, which no later point would close.
 */
class StreamerBarrierTest {
    private static final long MS = 1_000_000L;
    private final StreamerHarness h = new StreamerHarness();

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void idleBarrierClosesTheLastWindow() throws Exception {
        String script = """
            stream
                |from()
                    .database('dbname')
                    .retentionPolicy('rpname')
                    .measurement('cpu')
                |barrier().idle(100ms)
                |window()
                    .period(140ms)
                    .every(100ms)
                |httpOut('TestStream_Barrier_Idle')
            """;
        String name = "TestStream_Barrier_Idle";
        await(h.runner.start(new TaskSpec(name, TaskType.STREAM, TickCompiler.compileTask(script, TaskType.STREAM,
            Map.of()), List.of(new DbRp("dbname", "rpname")))));
        Object[][] values = new Object[21][];
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            double v = i * 1.5;
            values[i] = new Object[] {T0 + i * 10 * MS, v};
            points.add(new Point("cpu", "dbname", "rpname", Tags.EMPTY, Fields.of("value", v), T0 + i * 10 * MS));
        }
        // One write: the task handles it in one go, so no idle timer can fire between two points.
        h.router.route("dbname", "rpname", points);
        h.waitIdle(name);
        String beforeIdle = result(row("cpu", tags(), columns("value"), Arrays.copyOfRange(values, 6, 20)));
        assertEquals(beforeIdle, h.httpOut(name, name));

        String afterIdle = result(row("cpu", tags(), columns("value"), Arrays.copyOfRange(values, 16, 21)));
        long deadline = System.nanoTime() + 10_000 * MS;
        String out = h.httpOut(name, name);
        while (out.equals(beforeIdle) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            out = h.httpOut(name, name);
        }
        assertEquals(afterIdle, out);
    }
}
