package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.runtime.operator.NodeHarness.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BarrierOperatorTest {
    private static final long WALL = 1_700_000_000L * S;

    private static List<Message> control(NodeHarness h) {
        return h.emitted.stream().filter(m -> !m.isData()).toList();
    }

    @Test
    void idleBarrierComesIdleAfterTheLastPointAndRepeats() {
        ManualClock clock = new ManualClock(WALL);
        NodeHarness h = new NodeHarness(new BarrierOperator(10 * S, 0, false)).open(clock);
        h.value(0, 1.0).value(1, 2.0).value(2, 3.0);
        clock.advance(5 * S);
        h.value(3, 4.0);
        clock.advance(9 * S);
        assertEquals(List.of(), control(h));
        clock.advance(1 * S);
        assertEquals(List.of(new BarrierMessage("", Tags.EMPTY, Dimensions.NONE, 13 * S)), control(h));
        clock.advance(10 * S);
        assertEquals(23 * S, control(h).get(1).time());
        // Older than the last barrier: dropped.
        h.value(20, 5.0);
        assertEquals(4, h.points().size());
        h.value(23, 6.0);
        assertEquals(5, h.points().size());
    }

    @Test
    void deleteFollowsTheBarrierAndStopsTheGroup() {
        ManualClock clock = new ManualClock(WALL);
        NodeHarness h = new NodeHarness(new BarrierOperator(S, 0, true)).open(clock);
        h.point("m", Tags.of("host", "a"), Fields.of("v", 1.0), 5 * S, new Dimensions(false, List.of("host")));
        clock.advance(S);
        List<Message> c = control(h);
        assertEquals(2, c.size());
        assertEquals(6 * S, assertInstanceOf(BarrierMessage.class, c.get(0)).time());
        assertEquals("host=a", assertInstanceOf(DeleteGroupMessage.class, c.get(1)).groupId());
        assertEquals(0, clock.pending());
        assertEquals(0, ((BarrierOperator) h.operator()).cardinality());
    }

    @Test
    void periodBarrierCarriesTheWallClockTime() {
        ManualClock clock = new ManualClock(WALL);
        NodeHarness h = new NodeHarness(new BarrierOperator(0, 2 * S, false)).open(clock);
        h.push(PointMessage.ungrouped(new kapacitor.model.Point("m", "", "", Tags.EMPTY, Fields.of("v", 1L),
            WALL - S)));
        clock.advance(2 * S);
        clock.advance(2 * S);
        assertEquals(List.of(WALL + 2 * S, WALL + 4 * S), control(h).stream().map(Message::time).toList());
        h.push(PointMessage.ungrouped(new kapacitor.model.Point("m", "", "", Tags.EMPTY, Fields.of("v", 1L),
            WALL + 3 * S)));
        assertEquals(1, h.points().size());
    }

    @Test
    void needsIdleOrPeriod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new BarrierOperator(0, 0, false));
        assertEquals("barrier node must have either a non zero idle or a non zero period", e.getMessage());
    }
}
