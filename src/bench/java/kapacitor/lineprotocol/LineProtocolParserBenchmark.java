package kapacitor.lineprotocol;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kapacitor.model.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and write throughput on the canonical workload (100,000 lines, 1,000 hosts x 4 cpus), in bodies of 5,000
 * lines as the load generator sends them. Scores are per line: ops/s = lines/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineProtocolParserBenchmark {
    static final int LINES = 100_000;
    static final int BODY_LINES = 5_000;

    private byte[] data;
    private int[] bodyStarts;
    private final LineProtocolParser parser = new LineProtocolParser();
    private final LineProtocolWriter writer = new LineProtocolWriter(1 << 20);
    private List<Point> points;

    @Setup
    public void setup() {
        data = CanonicalWorkload.lines(LINES, 1000);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int lines = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && ++lines % BODY_LINES == 0) {
                starts.add(i + 1);
            }
        }
        bodyStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        points = new ArrayList<>();
        for (int b = 0; b + 1 < bodyStarts.length; b++) {
            points.addAll(parseBody(b).points());
        }
        if (points.size() != LINES) {
            throw new IllegalStateException("parsed " + points.size() + " of " + LINES + " lines");
        }
        System.out.println("\nworkload: " + LINES + " lines, " + data.length + " bytes");
    }

    private ParseResult parseBody(int b) {
        int from = bodyStarts[b];
        return parser.parse(data, from, bodyStarts[b + 1] - from, "telegraf", "autogen", Precision.NANOSECONDS, 0L);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parse(Blackhole bh) {
        for (int b = 0; b + 1 < bodyStarts.length; b++) {
            bh.consume(parseBody(b));
        }
    }

    /** What /write does when no task wants the database: the same checks, no points built. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void validate(Blackhole bh) {
        for (int b = 0; b + 1 < bodyStarts.length; b++) {
            int from = bodyStarts[b];
            bh.consume(parser.validate(data, from, bodyStarts[b + 1] - from, Precision.NANOSECONDS, 0L));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void write(Blackhole bh) {
        for (int i = 0; i < LINES; i += BODY_LINES) {
            writer.reset();
            for (int j = i; j < i + BODY_LINES; j++) {
                writer.append(points.get(j), Precision.NANOSECONDS);
            }
            bh.consume(writer.size());
        }
    }
}
