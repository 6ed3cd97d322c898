package kapacitor.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendezvousTest {
    private static final List<String> NODES = List.of(UUID.nameUUIDFromBytes("a".getBytes()).toString(),
        UUID.nameUUIDFromBytes("b".getBytes()).toString(), UUID.nameUUIDFromBytes("c".getBytes()).toString());

    @Test
    void spreadsTasksOverAllNodesAndIgnoresOrder() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> reversed = new ArrayList<>(NODES);
        java.util.Collections.reverse(reversed);
        for (int i = 0; i < 3000; i++) {
            String owner = Rendezvous.owner("task" + i, NODES);
            assertEquals(owner, Rendezvous.owner("task" + i, reversed));
            counts.merge(owner, 1, Integer::sum);
        }
        for (String n : NODES) {
            assertTrue(counts.getOrDefault(n, 0) > 800, counts.toString());
        }
    }

    @Test
    void onlyTheLeavingNodesTasksMove() {
        List<String> survivors = List.of(NODES.get(0), NODES.get(2));
        for (int i = 0; i < 1000; i++) {
            String before = Rendezvous.owner("t-" + i, NODES);
            String after = Rendezvous.owner("t-" + i, survivors);
            if (!before.equals(NODES.get(1))) {
                assertEquals(before, after, "task t-" + i + " moved without its owner leaving");
            }
        }
    }

    @Test
    void noNodesNoOwner() {
        assertNull(Rendezvous.owner("t", List.of()));
    }
}
