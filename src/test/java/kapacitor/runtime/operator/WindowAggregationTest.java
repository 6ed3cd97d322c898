package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.AggregatedBatch;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tumbling window that reduces as it fills must give exactly what buffering the window and reducing the batch
 * gives: same results, same errors, same per-group point counts, on random streams with late points, barriers and
 * points missing the field.
 */
class WindowAggregationTest {
    private static final long S = 1_000_000_000L;
    private static final Dimensions DIMS = new Dimensions(false, List.of("host"));

    /** Collects what a chain of window then InfluxQL node emits, and the errors of each. */
    private static final class Chain {
        final WindowOperator window;
        final InfluxQLOperator reducer;
        final List<String> emitted = new ArrayList<>();
        final List<String> windowErrors = new ArrayList<>();
        final List<String> reducerErrors = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        int aggregated;

        Chain(long period, boolean align, boolean fillPeriod, String method, boolean fuse) {
            window = new WindowOperator(period, period, align, fillPeriod, 0, 0);
            reducer = new InfluxQLOperator(method, "value", method, List.of(), false, false);
            if (fuse) {
                window.aggregateInto(reducer);
            }
        }

        void send(Message m) {
            Output reducerOut = new Output() {
                @Override
                public void emit(Message r) {
                    emitted.add(describe(r));
                }

                @Override
                public void error(String message) {
                    reducerErrors.add(message);
                }
            };
            window.process(m, new Output() {
                @Override
                public void emit(Message w) {
                    if (w instanceof BatchMessage b) {
                        batchSizes.add(b.points().size());
                    } else if (w instanceof AggregatedBatch a) {
                        batchSizes.add(a.reduction().points());
                        aggregated++;
                    }
                    reducer.process(w, reducerOut);
                }

                @Override
                public void error(String message) {
                    windowErrors.add(message);
                }
            });
        }
    }

    private static String describe(Message m) {
        if (m instanceof PointMessage p) {
            return p.groupId() + "@" + p.time() + "=" + p.point().fields().toMap() + p.point().tags().toMap();
        }
        return m.getClass().getSimpleName() + " " + m.groupId() + "@" + m.time();
    }

    @ParameterizedTest
    @CsvSource({
        "1, false, false, mean", "2, true, false, mean", "3, false, true, mean", "4, true, true, mean",
        "5, true, false, sum", "6, false, false, count", "7, true, false, max", "8, false, false, first",
        "9, true, true, last", "10, false, false, median", "11, true, false, spread", "12, true, false, stddev",
    })
    void fusedEqualsBuffered(long seed, boolean align, boolean fillPeriod, String method) {
        Random rnd = new Random(seed);
        long period = (1 + rnd.nextInt(5)) * S;
        Chain buffered = new Chain(period, align, fillPeriod, method, false);
        Chain fused = new Chain(period, align, fillPeriod, method, true);
        assertTrue(buffered.window.canAggregate());
        long t = 1_700_000_000L * S;
        for (int i = 0; i < 5_000; i++) {
            String host = "h" + rnd.nextInt(4);
            int kind = rnd.nextInt(100);
            Message m;
            if (kind < 3) {
                Point any = point(host, t, 1.0, true);
                m = BarrierMessage.of(PointMessage.of(any, DIMS), t + rnd.nextInt(3) * S);
            } else {
                // Mostly in order, sometimes late by up to three periods.
                long time = kind < 10 ? t - rnd.nextInt(3) * period - rnd.nextInt(1000) : t;
                boolean hasField = kind != 50;
                m = PointMessage.of(point(host, time, rnd.nextInt(1000) / 7.0, hasField), DIMS);
            }
            buffered.send(m);
            fused.send(m);
            t += rnd.nextInt(700_000_000);
        }
        assertFalse(buffered.emitted.isEmpty());
        assertTrue(fused.aggregated > 0);
        assertEquals(0, buffered.aggregated);
        assertEquals(buffered.emitted, fused.emitted);
        assertEquals(buffered.batchSizes, fused.batchSizes);
        assertEquals(buffered.reducerErrors, fused.reducerErrors);
        assertEquals(buffered.windowErrors, fused.windowErrors);
        assertEquals(buffered.window.cardinality(), fused.window.cardinality());
        assertEquals(buffered.reducer.cardinality(), fused.reducer.cardinality());
    }

    private static Point point(String host, long time, double value, boolean hasField) {
        Fields f = hasField ? Fields.of("value", value, "other", 1L) : Fields.of("other", 1L);
        return new Point("cpu", "db", "rp", Tags.of("host", host, "cpu", "cpu0"), f, time);
    }
}
