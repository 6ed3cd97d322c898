package kapacitor.runtime.ingest;

import kapacitor.model.DbRp;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTableTest {
    private static final DbRp A = new DbRp("db", "a");
    private static final DbRp B = new DbRp("db", "b");

    private static TaskInbox inbox(String id) {
        return new TaskInbox(id, "in." + id, 10);
    }

    private static List<TaskInbox> inboxes(RoutingTable t, DbRp dbrp) {
        return Arrays.stream(t.targets(dbrp.db(), dbrp.rp())).map(RoutingTable.Target::inbox).toList();
    }

    @Test
    void withAddsARouteWithoutChangingTheOriginal() {
        TaskInbox one = inbox("one");
        TaskInbox two = inbox("two");
        RoutingTable first = RoutingTable.EMPTY.with(new RoutingTable.Route(one, List.of(A), Set.of("cpu")));
        RoutingTable both = first.with(new RoutingTable.Route(two, List.of(A, B), null));

        assertEquals(List.of(one), inboxes(first, A));
        assertEquals(List.of(), inboxes(first, B));
        assertEquals(List.of(one, two), inboxes(both, A));
        assertEquals(List.of(two), inboxes(both, B));
        assertEquals(Set.of("cpu"), both.targets("db", "a")[0].measurements());
        assertTrue(both.targets("db", "a")[1].wantsAll());
        assertTrue(RoutingTable.EMPTY.isEmpty());
    }

    @Test
    void withoutRemovesEveryRouteOfAnInbox() {
        TaskInbox one = inbox("one");
        TaskInbox two = inbox("two");
        RoutingTable both = RoutingTable.of(List.of(new RoutingTable.Route(one, List.of(A), null),
            new RoutingTable.Route(two, List.of(A, B), null)));

        RoutingTable onlyOne = both.without(two);
        assertEquals(List.of(one), inboxes(onlyOne, A));
        assertEquals(List.of(), inboxes(onlyOne, B));
        assertEquals(List.of(one, two), inboxes(both, A));
        assertTrue(onlyOne.without(one).isEmpty());
        assertSame(onlyOne.targets("db", "a"), onlyOne.without(inbox("other")).targets("db", "a"));
    }
}
