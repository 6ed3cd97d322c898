package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.runtime.operator.NodeHarness.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JoinOperatorTest {
    private static BatchMessage batch(long time, double... values) {
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Point("m", "", "", Tags.EMPTY, Fields.of("v", values[i]), i * S));
        }
        return BatchMessage.of("m", Tags.EMPTY, Dimensions.NONE, time, points);
    }

    private static JoinOperator join(Object fill) {
        return new JoinOperator(List.of("a", "b"), List.of(), ".", "joined", 0, fill, false, 2);
    }

    @Test
    void batchesJoinPointByPointInnerByDefault() {
        NodeHarness h = new NodeHarness(join(null));
        h.push(0, batch(10 * S, 1, 2)).push(1, batch(10 * S, 10));
        BatchMessage b = h.batches().get(0);
        assertEquals("joined", b.name());
        assertEquals(10 * S, b.time());
        assertEquals(List.of(Fields.of("a.v", 1.0, "b.v", 10.0)), b.points().stream().map(Point::fields).toList());
    }

    @Test
    void batchesFilled() {
        NodeHarness h = new NodeHarness(join(0.0));
        h.push(0, batch(10 * S, 1, 2)).push(1, batch(10 * S, 10));
        assertEquals(List.of(Fields.of("a.v", 1.0, "b.v", 10.0), Fields.of("a.v", 2.0, "b.v", 0.0)),
            h.batches().get(0).points().stream().map(Point::fields).toList());
    }

    @Test
    void anIncompleteSetGoesOnceEveryParentMovedPastIt() {
        NodeHarness h = new NodeHarness(join(0L));
        h.value(1, 1.0);
        assertEquals(List.of(), h.emitted);
        h.push(1, new BarrierMessage("", Tags.EMPTY, Dimensions.NONE, 2 * S));
        h.value(2, 2.0);
        assertEquals(Fields.of("a.value", 1.0, "b.value", 0L), h.points().get(0).fields());
        assertEquals(S, h.points().get(0).time());
    }

    /** fill('null'): the missing parent's fields are present with no value, rendered as JSON null. */
    @Test
    void batchesFilledWithNull() {
        NodeHarness h = new NodeHarness(join("null"));
        h.push(0, batch(10 * S, 1, 2)).push(1, batch(10 * S, 10));
        BatchMessage b = h.batches().get(0);
        Fields filled = b.points().get(1).fields();
        assertEquals(java.util.Arrays.asList(2.0, null), java.util.Arrays.asList(filled.get("a.v"), filled.get("b.v")));
        assertEquals(Fields.NULL, filled.type(filled.indexOf("b.v")));
        StringBuilder json = new StringBuilder();
        HttpOutOperator.renderRow(json, b.name(), b.groupTags(), b.points(), b.groupTags());
        assertEquals("{\"name\":\"joined\",\"columns\":[\"time\",\"a.v\",\"b.v\"],\"values\":"
            + "[[\"1970-01-01T00:00:00Z\",1,10],[\"1970-01-01T00:00:01Z\",2,null]]}", json.toString());
    }

    @Test
    void unknownFillIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> join("previous"));
    }
}
