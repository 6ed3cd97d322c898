package kapacitor.runtime;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupIdleExpiryTest {
    private static PointMessage point(String host) {
        Point p = new Point("cpu", "db", "rp", Tags.of("host", host), Fields.of("value", 1.0), 0);
        return PointMessage.of(p, new Dimensions(false, List.of("host")));
    }

    private static List<String> hosts(List<DeleteGroupMessage> deletes) {
        return deletes.stream().map(d -> d.groupTags().get("host")).toList();
    }

    @Test
    void groupsExpireInTheOrderTheyWentQuiet() {
        GroupIdleExpiry e = new GroupIdleExpiry(100);
        e.seen(List.of(point("A"), point("B")), 0);
        e.seen(List.of(point("C")), 10);
        e.seen(List.of(point("A")), 60);
        assertEquals(3, e.size());
        assertEquals(List.of(), e.expire(99));
        assertEquals(List.of("B"), hosts(e.expire(100)));
        assertEquals(List.of("C"), hosts(e.expire(159)));
        assertEquals(List.of("A"), hosts(e.expire(160)));
        assertEquals(0, e.size());
    }

    @Test
    void deletesCarryTheGroupOfItsPointsAndOnlyDataKeepsAGroupAlive() {
        GroupIdleExpiry e = new GroupIdleExpiry(100);
        PointMessage a = point("A");
        e.seen(List.of(a), 0);
        Message barrier = BarrierMessage.of(a, 50);
        e.seen(List.of(barrier), 50);
        List<DeleteGroupMessage> expired = e.expire(100);
        assertEquals(List.of(DeleteGroupMessage.of(a)), expired);
        assertEquals(a.groupId(), expired.get(0).groupId());
    }

    @Test
    void checksAtMostOnceASecondAndRejectsNoTimeout() {
        assertEquals(1_000_000_000L, new GroupIdleExpiry(3_600_000_000_000L).checkIntervalNanos());
        assertEquals(50_000_000L, new GroupIdleExpiry(50_000_000L).checkIntervalNanos());
        assertThrows(IllegalArgumentException.class, () -> new GroupIdleExpiry(0));
    }
}
