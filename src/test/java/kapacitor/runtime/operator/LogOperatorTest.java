package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.PointMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.runtime.operator.NodeHarness.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LogOperatorTest {
    private static final Dimensions BY_HOST = new Dimensions(false, List.of("host"));

    @Test
    void pointLineAsKapacitorsLogfmt() {
        Point p = new Point("cpu", "db", "rp", Tags.of("host", "a b", "type", "idle"),
            Fields.of("value", 97.1, "n", 3L, "ok", true, "s", "x\"y"), 2 * S);
        assertEquals(List.of("msg=point prefix=MINE name=cpu db=db rp=rp group=\"host=a b\" dimension_0=host"
                + " tag_host=\"a b\" tag_type=idle field_n=3 field_ok=true field_s=\"x\\\"y\" field_value=97.1"
                + " time=1970-01-01T00:00:02Z"),
            LogOperator.lines(PointMessage.of(p, BY_HOST), "MINE"));
    }

    @Test
    void batchLines() {
        BatchMessage b = BatchMessage.of("cpu", Tags.EMPTY, Dimensions.NONE, 10 * S,
            List.of(new Point("cpu", "", "", Tags.EMPTY, Fields.of("value", 1e21), S)));
        assertEquals(List.of("msg=\"begin batch\" prefix= name=cpu group= time=1970-01-01T00:00:10Z",
                "msg=\"batch point\" prefix= name=cpu group= field_value=1000000000000000000000"
                    + " time=1970-01-01T00:00:01Z",
                "msg=\"end batch\" prefix= name=cpu group= time=1970-01-01T00:00:10Z"),
            LogOperator.lines(b, ""));
    }

    @Test
    void forwardsEverything() {
        NodeHarness h = new NodeHarness(new LogOperator("debug", "p"));
        BarrierMessage barrier = new BarrierMessage("", Tags.EMPTY, Dimensions.NONE, S);
        h.value(1, 1.0).push(barrier);
        assertEquals(2, h.emitted.size());
        assertEquals(barrier, h.emitted.get(1));
    }
}
