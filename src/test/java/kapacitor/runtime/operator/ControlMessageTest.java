package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.runtime.operator.NodeHarness.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Barriers and group deletes through the slice-1 operators, as Kapacitor's nodes pass them. */
class ControlMessageTest {
    private static final Dimensions BY_HOST = new Dimensions(false, List.of("host"));

    private static NodeHarness host(NodeHarness h, String host, long seconds, double v) {
        return h.point("m", Tags.of("host", host), Fields.of("value", v), seconds * S, BY_HOST);
    }

    private static BarrierMessage barrier(String host, long seconds) {
        return new BarrierMessage("host=" + host, Tags.of("host", host), BY_HOST, seconds * S);
    }

    @Test
    void barrierClosesTheTimeWindowAndIsNotPassedOn() {
        NodeHarness h = new NodeHarness(new WindowOperator(10 * S, 10 * S, false, false, 0, 0));
        host(h, "a", 0, 1).push(barrier("a", 3));
        assertEquals(List.of(), h.emitted);
        host(h, "a", 5, 2).push(barrier("a", 10));
        BatchMessage b = assertInstanceOf(BatchMessage.class, h.emitted.get(0));
        assertEquals(10 * S, b.time());
        assertEquals(2, b.points().size());
        assertEquals(1, h.emitted.size());
    }

    @Test
    void countWindowPassesBarriers() {
        NodeHarness h = new NodeHarness(new WindowOperator(0, 0, false, false, 2, 2));
        host(h, "a", 0, 1).push(barrier("a", 3));
        assertEquals(List.of(barrier("a", 3)), h.emitted);
    }

    @Test
    void deleteDropsTheHttpOutRowAndLaterRowsMoveUp() {
        HttpOutOperator out = new HttpOutOperator("x");
        NodeHarness h = new NodeHarness(out);
        host(h, "a", 0, 1);
        host(h, "b", 0, 2);
        host(h, "c", 0, 3);
        h.push(new DeleteGroupMessage("host=a", Tags.of("host", "a"), BY_HOST));
        host(h, "b", 1, 4);
        String json = out.render();
        assertEquals("{\"series\":[{\"name\":\"m\",\"tags\":{\"host\":\"b\"},\"columns\":[\"time\",\"value\"],"
            + "\"values\":[[\"1970-01-01T00:00:01Z\",4]]},{\"name\":\"m\",\"tags\":{\"host\":\"c\"},"
            + "\"columns\":[\"time\",\"value\"],\"values\":[[\"1970-01-01T00:00:00Z\",3]]}]}", json);
        assertEquals(2, out.cardinality());
    }

    @Test
    void groupedOperatorsForgetTheGroupAndPassTheDeleteOnlyForAKnownGroup() {
        NodeHarness h = new NodeHarness(new SampleOperator(2, 0));
        h.push(new DeleteGroupMessage("host=z", Tags.of("host", "z"), BY_HOST));
        assertEquals(List.of(), h.emitted);
        host(h, "a", 0, 1);
        DeleteGroupMessage d = new DeleteGroupMessage("host=a", Tags.of("host", "a"), BY_HOST);
        h.push(d);
        assertEquals(List.<Message>of(d), h.emitted.stream().filter(m -> !m.isData()).toList());
        assertEquals(0, h.operator().cardinality());
    }

    @Test
    void statelessOperatorsPassControlMessages() {
        NodeHarness h = new NodeHarness(new ShiftOperator(S));
        DeleteGroupMessage d = new DeleteGroupMessage("", Tags.EMPTY, Dimensions.NONE);
        h.push(barrier("a", 1)).push(d);
        assertEquals(List.of(barrier("a", 1), d), h.emitted);
    }
}
