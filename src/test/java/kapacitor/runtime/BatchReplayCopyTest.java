package kapacitor.runtime;

import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.influxdb.InfluxDBConfig;
import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.TaskType;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.runtime.time.VertxClock;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static kapacitor.runtime.StreamerHarness.S;
import static kapacitor.runtime.StreamerHarness.T0;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A replay's copy of a batch task: batches handed to a query node go through the task as its query's would, and the
 * copy's query nodes never query InfluxDB themselves (Kapacitor's replay task master does not start them).
 */
class BatchReplayCopyTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void collectedBatchesGoThroughTheCopyWhichQueriesNothing(boolean chaining) throws Exception {
        Vertx vertx = Vertx.vertx();
        Codecs.register(vertx);
        FakeInfluxDB influx = new FakeInfluxDB(vertx);
        try {
            InfluxDBClusters clusters = InfluxDBClusters.create(vertx,
                List.of(InfluxDBConfig.of("default", influx.url())));
            LocalTaskRunner runner = new LocalTaskRunner(vertx, new IngestRouter(vertx.eventBus(), new IngestStats()),
                LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(), Map.of(), clusters, VertxClock::new)
                .operatorChaining(chaining);
            String script = "var a = batch|query('SELECT value FROM db.rp.a').period(1s).every(10ms)\n"
                + "var b = batch|query('SELECT value FROM db.rp.b').period(1s).every(10ms)\n"
                + "a|httpOut('a')\nb|sum('value')|httpOut('b')\n";
            TaskSpec spec = new TaskSpec("t", TaskType.BATCH, TickCompiler.compileTask(script, TaskType.BATCH,
                Map.of()), List.of(new DbRp("db", "rp")));
            LocalTaskRunner.ReplayRun copy = await(runner.startReplay("r", spec));
            assertEquals(2, copy.batchCollectors());

            Tags host = Tags.of("host", "x");
            Dimensions dims = new Dimensions(false, List.of("host"));
            BatchMessage a = BatchMessage.of("a", host, dims, T0 + S, List.of(
                new Point("a", "", "", host, Fields.of("value", 1.0), T0)));
            BatchMessage b = BatchMessage.of("b", host, dims, T0 + 2 * S, List.of(
                new Point("b", "", "", host, Fields.of("value", 2.0), T0 + S),
                new Point("b", "", "", host, Fields.of("value", 3.0), T0 + 2 * S)));
            await(copy.collect(0, List.of(a)));
            await(copy.collect(1, List.of(b)));
            while (!await(copy.idle())) {
                Thread.sleep(5);
            }
            assertEquals(result(row("a", tags("host", "x"), columns("value"), new Object[] {T0, 1.0})),
                await(runner.httpOut("t", "a")).toString());
            assertEquals(result(row("b", tags("host", "x"), columns("sum"), new Object[] {T0 + 2 * S, 5.0})),
                await(runner.httpOut("t", "b")).toString());

            // Ten schedule periods later, still no query from the copy.
            Thread.sleep(100);
            assertEquals(List.of(), influx.queries);
            @SuppressWarnings("unchecked")
            Map<String, Object> nodes = (Map<String, Object>) await(copy.stats()).stats().get("node-stats");
            @SuppressWarnings("unchecked")
            Map<String, Object> query1 = (Map<String, Object>) nodes.get("query1");
            assertEquals(1L, query1.get("collected"));
            assertEquals(0L, query1.get("batches_queried"));
            await(copy.stop());
        } finally {
            influx.close();
            await(vertx.close());
        }
    }
}
