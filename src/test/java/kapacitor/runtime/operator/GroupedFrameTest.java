package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A frame handled at once (group states looked up ahead) gives exactly what handling its messages one by one gives,
 * with groups created and deleted inside the frame.
 */
class GroupedFrameTest {
    private static final long S = 1_000_000_000L;
    private static final Dimensions DIMS = new Dimensions(false, List.of("host"));

    private static final class Collect implements Output {
        final List<String> out = new ArrayList<>();

        @Override
        public void emit(Message m) {
            out.add(m.getClass().getSimpleName() + " " + m.groupId() + "@" + m.time());
        }

        @Override
        public void error(String message) {
            out.add("error " + message);
        }
    }

    @Test
    void frameEqualsOneByOne() {
        Random rnd = new Random(11);
        List<Message> frame = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 20_000; i++) {
            String host = "h" + rnd.nextInt(6);
            Point p = new Point("cpu", "db", "rp", Tags.of("host", host), Fields.of("v", 1.0), t);
            PointMessage pm = PointMessage.of(p, DIMS);
            frame.add(rnd.nextInt(40) == 0 ? DeleteGroupMessage.of(pm) : pm);
            t += rnd.nextInt(2) * S;
        }
        WindowOperator byFrame = new WindowOperator(3 * S, 3 * S, false, false, 0, 0);
        WindowOperator oneByOne = new WindowOperator(3 * S, 3 * S, false, false, 0, 0);
        Collect a = new Collect();
        Collect b = new Collect();
        for (int from = 0; from < frame.size(); from += 500) {
            byFrame.processFrame(0, frame.subList(from, Math.min(frame.size(), from + 500)), a);
        }
        for (Message m : frame) {
            oneByOne.process(m, b);
        }
        assertFalse(a.out.isEmpty());
        assertEquals(b.out, a.out);
        assertEquals(oneByOne.cardinality(), byFrame.cardinality());
    }
}
