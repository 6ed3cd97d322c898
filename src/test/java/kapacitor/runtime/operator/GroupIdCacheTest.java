package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.Dimensions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GroupIdCacheTest {
    private static Point point(String name, Tags tags) {
        return new Point(name, "db", "rp", tags, Fields.of("v", 1.0), 0);
    }

    @Test
    void tasksGroupingTheSameWayShareOneIdPerSeries() {
        Tags tags = Tags.of("host", "a", "cpu", "cpu0", "dc", "x");
        GroupIdCache task1 = new GroupIdCache(new Dimensions(false, List.of("cpu", "host")));
        GroupIdCache task2 = new GroupIdCache(new Dimensions(false, List.of("cpu", "host")));
        String id = task1.groupId(point("cpu", tags));
        assertEquals("cpu=cpu0,host=a", id);
        assertSame(id, task2.groupId(point("cpu", tags)));
    }

    @Test
    void manyDimensionSetsOnOneSeriesStayCorrect() {
        Tags tags = Tags.of("host", "a", "cpu", "cpu0", "dc", "x");
        GroupIdCache byHost = new GroupIdCache(new Dimensions(false, List.of("host")));
        GroupIdCache byDc = new GroupIdCache(new Dimensions(false, List.of("dc")));
        GroupIdCache byNameAndCpu = new GroupIdCache(new Dimensions(true, List.of("cpu")));
        for (int i = 0; i < 3; i++) {
            assertEquals("host=a", byHost.groupId(point("cpu", tags)));
            assertEquals("dc=x", byDc.groupId(point("cpu", tags)));
            assertEquals("cpu\ncpu=cpu0", byNameAndCpu.groupId(point("cpu", tags)));
            // The same tag set under another measurement is another group when the name is a dimension.
            assertEquals("mem\ncpu=cpu0", byNameAndCpu.groupId(point("mem", tags)));
        }
    }
}
