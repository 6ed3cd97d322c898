package kapacitor.runtime;

import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.influxdb.InfluxDBConfig;
import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static kapacitor.runtime.StreamerHarness.S;
import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** influxDBOut against a fake InfluxDB: what it writes, when (buffer size, flush interval) and failures counted. */
class InfluxDBOutTest {
    private Vertx vertx;
    private FakeInfluxDB influx;
    private IngestRouter router;
    private LocalTaskRunner runner;
    private volatile ContextClock clock;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        influx = new FakeInfluxDB(vertx);
        router = new IngestRouter(vertx.eventBus(), new IngestStats());
        InfluxDBConfig config = new InfluxDBConfig("out", true, false, List.of(influx.url()), "bob", "secret", "", 0,
            "", "", "", false, false);
        runner = new LocalTaskRunner(vertx, router, LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(), Map.of(),
            InfluxDBClusters.create(vertx, List.of(config)), v -> {
                clock = new ContextClock(v.getOrCreateContext(), T0);
                return clock;
            });
    }

    @AfterEach
    void stop() {
        influx.close();
        await(vertx.close());
    }

    private void run(String script) {
        await(runner.start(new TaskSpec("out", TaskType.STREAM, TickCompiler.compileTask(script, TaskType.STREAM,
            Map.of()), List.of(new DbRp("db", "rp")))));
    }

    private void write(String lines) {
        router.route("db", "rp", new LineProtocolParser().parse(lines, "db", "rp",
            kapacitor.lineprotocol.Precision.NANOSECONDS, 0).points());
        waitFor(() -> await(runner.idle("out")));
    }

    private long stat(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) await(runner.stats("out")).stats()
            .get("node-stats");
        return ((Number) nodes.get("influxdb_out2").get(name)).longValue();
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10 * S;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void aFullBufferIsWrittenWithTheNodeSettings() {
        run("stream|from().measurement('cpu')|influxDBOut().database('out').retentionPolicy('week')"
            + ".measurement('copy').tag('k', 'v').tag('host', 'z').precision('s').writeConsistency('all').buffer(2)");
        write("cpu,host=a value=1 " + (T0 + 5 * S + 1) + "\n");
        assertEquals(List.of(), influx.writes, "one point is below the buffer size");
        write("cpu,host=b value=2i,s=\"x\" " + (T0 + 6 * S) + "\n");
        waitFor(() -> stat("points_written") == 2);
        assertEquals(List.of("db=out&rp=week&precision=s&consistency=all\n"
            + "copy,host=z,k=v value=1 31536005\ncopy,host=z,k=v s=\"x\",value=2i 31536006\n"), influx.writes);
        assertEquals("Basic Ym9iOnNlY3JldA== KapacitorInfluxDBClient", influx.headers.get(0));
    }

    @Test
    void theFlushIntervalWritesWhatIsBuffered() {
        run("stream|from().measurement('cpu')|influxDBOut().database('out').flushInterval(5s)");
        write("cpu,host=a value=1 " + T0 + "\n");
        assertEquals(List.of(), influx.writes);
        await(clock.advance(5 * S));
        waitFor(() -> stat("points_written") == 1);
        assertEquals(List.of("db=out&rp=rp&precision=&consistency=\ncpu,host=a value=1 " + T0 + "\n"),
            influx.writes);
    }

    @Test
    void createMakesTheDatabaseBeforeTheFirstWrite() {
        run("stream|from().measurement('cpu')|influxDBOut().database('new db').retentionPolicy('rp').create()"
            + ".buffer(1)");
        waitFor(() -> influx.queries.size() == 1);
        write("cpu value=1 " + T0 + "\n");
        waitFor(() -> stat("points_written") == 1);
        assertEquals(List.of("CREATE DATABASE \"new db\" WITH NAME rp"), influx.queries);
    }

    @Test
    void failedWritesAreCountedAndTheTaskGoesOn() {
        influx.writeStatus = 404;
        run("stream|from().measurement('cpu')|influxDBOut().database('x').buffer(1)");
        write("cpu value=1 " + T0 + "\n");
        waitFor(() -> stat("write_errors") == 1);
        assertEquals(1, stat("errors"));
        influx.writeStatus = 204;
        write("cpu value=2 " + (T0 + S) + "\n");
        waitFor(() -> stat("points_written") == 1);
        assertEquals(1, stat("write_errors"));
    }
}
