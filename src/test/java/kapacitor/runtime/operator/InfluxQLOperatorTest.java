package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.runtime.operator.NodeHarness.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfluxQLOperatorTest {

    private static Object reduce(String method, List<Object> args, Object... values) {
        NodeHarness h = new NodeHarness(new InfluxQLOperator(method, "value", method, args, false, false));
        h.push(NodeHarness.batch(10 * S, values));
        assertEquals(1, h.points().size(), h.errors.toString());
        Point p = h.points().get(0);
        assertEquals(10 * S, p.time());
        return p.fields().get(method);
    }

    @ParameterizedTest
    @CsvSource({"count,5", "sum,15.0", "mean,3.0", "median,3.0", "spread,4.0", "min,1.0", "max,5.0",
        "first,4.0", "last,2.0"})
    void aggregatesOfFloats(String method, String expected) {
        Object v = reduce(method, List.of(), 4.0, 1.0, 5.0, 3.0, 2.0);
        assertEquals(expected, String.valueOf(v));
    }

    @Test
    void integerFunctionsKeepOrConvertTypes() {
        assertEquals(6L, reduce("sum", List.of(), 1L, 2L, 3L));
        assertEquals(2.0, reduce("mean", List.of(), 1L, 2L, 3L));
        assertEquals(2.5, reduce("median", List.of(), 1L, 2L, 3L, 4L));
        assertEquals(2L, reduce("mode", List.of(), 1L, 2L, 2L, 3L));
        assertEquals(1.0, reduce("stddev", List.of(), 1L, 2L, 3L));
        assertEquals(3.0, reduce("percentile", List.of(50.0), 1.0, 5.0, 3.0, 2.0, 4.0));
    }

    /** mean() keeps its sum inline until a point breaks the steady case; every way out must match MeanReducer. */
    @Test
    void meanAcrossTypeChangesAndMissingFields() {
        assertEquals(2.5, reduce("mean", List.of(), 1.0, 2.0, 3.0, 4.0));
        // Unsigned values count as integers.
        NodeHarness u = new NodeHarness(new InfluxQLOperator("mean", "value", "mean", List.of(), false, false));
        Fields unsigned = Fields.ofSortedUnsafe(new String[] {"value"}, new byte[] {Fields.UNSIGNED},
            new long[] {4L}, null);
        u.push(BatchMessage.of("m", Tags.EMPTY, Dimensions.NONE, S, List.of(
            new Point("m", "", "", Tags.EMPTY, Fields.of("value", 2L), 0),
            new Point("m", "", "", Tags.EMPTY, unsigned, 1))));
        assertEquals(3.0, u.points().get(0).fields().get("mean"), u.errors.toString());
        // A point without the field is an error and still counts as aggregated; the mean is of the others.
        NodeHarness missing = new NodeHarness(new InfluxQLOperator("mean", "value", "mean", List.of(), false,
            false));
        missing.push(BatchMessage.of("m", Tags.EMPTY, Dimensions.NONE, S, List.of(
            new Point("m", "", "", Tags.EMPTY, Fields.of("value", 1.0), 0),
            new Point("m", "", "", Tags.EMPTY, Fields.of("other", 5.0), 1),
            new Point("m", "", "", Tags.EMPTY, Fields.of("value", 4.0), 2))));
        assertEquals(List.of("failed to aggregate point: field value missing from point cannot aggregate"),
            missing.errors);
        assertEquals(2.5, missing.points().get(0).fields().get("mean"));
        // A float after integers fails the batch with MeanReducer's error.
        NodeHarness mixed = new NodeHarness(new InfluxQLOperator("mean", "value", "mean", List.of(), false, false));
        mixed.push(NodeHarness.batch(S, 1L, 2L, 3.5));
        assertEquals(1, mixed.errors.size());
        assertTrue(mixed.errors.get(0).startsWith("mean of field values of different types"), mixed.errors.get(0));
        assertTrue(mixed.emitted.isEmpty());
    }

    @Test
    void emptyBatchGivesCountZeroButNoMean() {
        NodeHarness count = new NodeHarness(new InfluxQLOperator("count", "value", "count", List.of(), false, false));
        count.push(NodeHarness.batch(S));
        assertEquals(0L, count.points().get(0).fields().get("count"));
        NodeHarness mean = new NodeHarness(new InfluxQLOperator("mean", "value", "mean", List.of(), false, false));
        mean.push(NodeHarness.batch(S));
        assertTrue(mean.emitted.isEmpty());
    }

    @Test
    void selectorKeepsOtherFieldsAndRenamesTheField() {
        NodeHarness h = new NodeHarness(new InfluxQLOperator("max", "value", "max", List.of(), false, false));
        Point a = new Point("m", "", "", Tags.of("host", "a"), Fields.of("value", 1.0, "other", "x"), 0);
        Point b = new Point("m", "", "", Tags.of("host", "b"), Fields.of("value", 7.0, "other", "y"), S);
        h.push(BatchMessage.of("m", Tags.EMPTY, Dimensions.NONE, 5 * S, List.of(a, b)));
        Point out = h.points().get(0);
        assertEquals(Fields.of("max", 7.0, "other", "y"), out.fields());
        assertEquals(Tags.of("host", "b"), out.tags());
    }

    @Test
    void wrongFieldTypeIsAnErrorWithKapacitorsText() {
        NodeHarness h = new NodeHarness(new InfluxQLOperator("mean", "value", "mean", List.of(), false, false));
        h.push(NodeHarness.batch(S, "a", "b"));
        assertEquals("invalid influxql func mean with field value: cannot apply mean to string field",
            h.errors.get(0));
        assertTrue(h.emitted.isEmpty());
    }

    @Test
    void transformationsMapStreamPoints() {
        NodeHarness h = new NodeHarness(new InfluxQLOperator("difference", "value", "difference", List.of(), false,
            false));
        h.value(0, 1.0).value(1, 4.0).value(2, 2.0);
        assertEquals(List.of(3.0, -2.0), h.points().stream().map(p -> p.fields().get("difference")).toList());
        assertEquals(List.of(S, 2 * S), h.points().stream().map(Point::time).toList());
    }

    @Test
    void topEmitsABatchLargestFirst() {
        NodeHarness h = new NodeHarness(new InfluxQLOperator("top", "value", "top", List.of(2L), false, true));
        h.push(NodeHarness.batch(9 * S, 3.0, 9.0, 1.0, 9.0));
        BatchMessage b = h.batches().get(0);
        assertEquals(List.of(9.0, 9.0), b.points().stream().map(p -> p.fields().get("top")).toList());
        assertEquals(9 * S, b.time());
    }
}
