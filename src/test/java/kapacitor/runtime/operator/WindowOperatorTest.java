package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.BatchMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.runtime.operator.NodeHarness.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowOperatorTest {

    private static List<Long> seconds(BatchMessage b) {
        return b.points().stream().map(Point::time).map(t -> t / S).toList();
    }

    @Test
    void emitsWhenAPointReachesTheNextEmitTime() {
        NodeHarness h = new NodeHarness(new WindowOperator(3 * S, 2 * S, false, false, 0, 0));
        for (long t = 1; t <= 6; t++) {
            h.value(t, (double) t);
        }
        // first point at 1s: next emit 3s; window (tmax-period, tmax] inclusive of the lower bound.
        List<BatchMessage> b = h.batches();
        assertEquals(2, b.size());
        assertEquals(3 * S, b.get(0).time());
        assertEquals(List.of(1L, 2L), seconds(b.get(0)));
        assertEquals(5 * S, b.get(1).time());
        assertEquals(List.of(2L, 3L, 4L), seconds(b.get(1)));
    }

    @Test
    void alignedWindowsEndOnMultiplesOfEvery() {
        NodeHarness h = new NodeHarness(new WindowOperator(4 * S, 4 * S, true, false, 0, 0));
        for (long t = 1; t <= 9; t++) {
            h.value(t, (double) t);
        }
        List<BatchMessage> b = h.batches();
        assertEquals(List.of(4 * S, 8 * S), b.stream().map(BatchMessage::time).toList());
        assertEquals(List.of(1L, 2L, 3L), seconds(b.get(0)));
        assertEquals(List.of(4L, 5L, 6L, 7L), seconds(b.get(1)));
    }

    @Test
    void fillPeriodWaitsForAFullPeriod() {
        NodeHarness h = new NodeHarness(new WindowOperator(5 * S, 2 * S, false, true, 0, 0));
        for (long t = 0; t <= 7; t++) {
            h.value(t, (double) t);
        }
        List<BatchMessage> b = h.batches();
        assertEquals(List.of(5 * S, 7 * S), b.stream().map(BatchMessage::time).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seconds(b.get(0)));
    }

    @Test
    void countWindowsSlideByEveryCount() {
        NodeHarness h = new NodeHarness(new WindowOperator(0, 0, false, false, 3, 1));
        for (long t = 0; t < 4; t++) {
            h.value(t, (double) t);
        }
        List<BatchMessage> b = h.batches();
        assertEquals(4, b.size());
        assertEquals(List.of(0L), seconds(b.get(0)));
        assertEquals(List.of(1L, 2L, 3L), seconds(b.get(3)));
        assertEquals(3 * S, b.get(3).time());
    }

    @Test
    void rejectsBatchesAndMissingPeriod() {
        NodeHarness h = new NodeHarness(new WindowOperator(S, S, false, false, 0, 0));
        h.push(NodeHarness.batch(0, 1.0));
        assertTrue(h.errors.contains("window does not support batch data"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new WindowOperator(0, 0, false, false, 0, 0));
        assertEquals("window node must have either a non zero period or non zero period count", e.getMessage());
    }
}
