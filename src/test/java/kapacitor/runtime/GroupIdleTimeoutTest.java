package kapacitor.runtime;

import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.model.TaskType;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.await;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task-level group idle timeout on the real clock: a group that gets no point for the timeout is deleted through
 * the task, so httpOut drops its row and eval's per-group count starts again.
 */
class GroupIdleTimeoutTest {
    private static final long S = StreamerHarness.S;
    private static final String SCRIPT = """
        stream
            |from()
                .measurement('cpu')
                .groupBy('host')
            |eval(lambda: count())
                .as('c')
            |httpOut('out')
        """;

    private Vertx vertx;
    private IngestRouter router;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        router = new IngestRouter(vertx.eventBus(), new IngestStats());
    }

    @AfterEach
    void tearDown() throws Exception {
        await(vertx.close());
    }

    private LocalTaskRunner start(long groupIdleTimeout) throws Exception {
        return start(groupIdleTimeout, false);
    }

    private LocalTaskRunner start(long groupIdleTimeout, boolean chaining) throws Exception {
        LocalTaskRunner runner = new LocalTaskRunner(vertx, router, LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(),
            Map.of(), groupIdleTimeout).operatorChaining(chaining);
        await(runner.start(new TaskSpec("t", TaskType.STREAM, TickCompiler.compileTask(SCRIPT, TaskType.STREAM,
            Map.of()), List.of(new DbRp("db", "rp")))));
        return runner;
    }

    private void write(LocalTaskRunner runner, long time, String... hosts) throws Exception {
        for (String host : hosts) {
            router.route("db", "rp", List.of(new Point("cpu", "db", "rp", Tags.of("host", host),
                Fields.of("value", 1.0), time)));
        }
        while (!await(runner.idle("t"))) {
            Thread.onSpinWait();
        }
    }

    private String out(LocalTaskRunner runner) throws Exception {
        return await(runner.httpOut("t", "out")).toString();
    }

    @Test
    void idleGroupsAreDeletedAndStartAfresh() throws Exception {
        idleGroupsAreDeleted(false);
    }

    /** With chaining the from() node's edges stay on the bus (the expiry watches its frames); the rest is chained. */
    @Test
    void idleGroupsAreDeletedWithChainedOperators() throws Exception {
        idleGroupsAreDeleted(true);
    }

    private void idleGroupsAreDeleted(boolean chaining) throws Exception {
        LocalTaskRunner runner = start(300_000_000L, chaining);
        write(runner, T0, "A", "B");
        long deadline = System.nanoTime() + 10 * S;
        while (!out(runner).equals("{\"series\":null}") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("{\"series\":null}", out(runner));

        // Without the delete, A's count would go on at 2.
        write(runner, T0 + S, "A");
        String a = row("cpu", tags("host", "A"), columns("c"), at(1, 1L));
        String out = out(runner);
        // Only a stall longer than the timeout could have deleted A again already.
        assertTrue(out.equals(result(a)) || out.equals("{\"series\":null}"), out);
    }

    @Test
    void withoutTimeoutGroupsStay() throws Exception {
        LocalTaskRunner runner = start(0);
        write(runner, T0, "A", "B");
        write(runner, T0 + S, "A");
        assertEquals(Set.of(row("cpu", tags("host", "A"), columns("c"), at(1, 2L)),
                row("cpu", tags("host", "B"), columns("c"), at(0, 1L))),
            Set.copyOf(StreamerCoverageTest.sortedSeries(out(runner))));
    }
}
