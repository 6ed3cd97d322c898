package kapacitor.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.app.Codecs;
import kapacitor.lineprotocol.CanonicalWorkload;
import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.Precision;
import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.model.TaskType;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.tick.eval.TickCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stream runtime without HTTP: pre-parsed frames of the canonical workload (5,000 points each, 1,000 hosts x 4
 * cpus) routed to {@code tasks} copies of the canonical task, with event-bus edges or chained operators. A run is
 * timed until every task has handled everything, so the score is points per second through all tasks
 * ({@code ops/s} = points/s; point deliveries = tasks x points).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaskPipelineBenchmark {
    static final int POINTS = 200_000;
    static final int FRAME = 5_000;
    static final String SCRIPT = "stream|from().measurement('cpu').groupBy('host','cpu')"
        + "|window().period(10s).every(10s)|mean('usage_idle')|httpOut('m')";

    @Param({"false", "true"})
    public boolean chaining;

    @Param({"1"})
    public int tasks;

    private Vertx vertx;
    private IngestRouter router;
    private LocalTaskRunner runner;
    private List<Point> points;
    private List<List<Point>> frames;
    private long shift;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        router = new IngestRouter(vertx.eventBus(), new IngestStats());
        runner = new LocalTaskRunner(vertx, router).operatorChaining(chaining);
        for (int i = 0; i < tasks; i++) {
            await(runner.start(new TaskSpec("t" + i, TaskType.STREAM,
                TickCompiler.compileTask(SCRIPT, TaskType.STREAM, Map.of()), List.of(new DbRp("telegraf", "autogen")))));
        }
        byte[] data = CanonicalWorkload.lines(POINTS, 1000);
        points = new LineProtocolParser().parse(data, 0, data.length, "telegraf", "autogen",
            Precision.NANOSECONDS, 0L).points();
    }

    /** Each run moves the data on in time, so windows keep closing as in a live stream. */
    @Setup(Level.Invocation)
    public void frames() {
        shift += 1_000_000_000_000L;
        frames = new ArrayList<>();
        for (int i = 0; i < points.size(); i += FRAME) {
            List<Point> f = new ArrayList<>(FRAME);
            for (int j = i; j < Math.min(points.size(), i + FRAME); j++) {
                Point p = points.get(j);
                f.add(p.withTime(p.time() + shift));
            }
            frames.add(f);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        await(vertx.close());
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void canonicalTask() throws Exception {
        for (List<Point> f : frames) {
            router.route("telegraf", "autogen", f);
        }
        for (int i = 0; i < tasks; i++) {
            while (!await(runner.idle("t" + i))) {
                Thread.onSpinWait();
            }
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
