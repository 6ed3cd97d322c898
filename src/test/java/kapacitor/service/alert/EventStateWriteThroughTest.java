package kapacitor.service.alert;

import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.api.alerts.ContextHttp;
import kapacitor.store.EventStateRecord;
import kapacitor.store.Store;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Topic event states reach the store: the latest state per event, OK clears it, deleting the topic drops all. */
class EventStateWriteThroughTest {
    private static TestServer server;
    private static Store store;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
        store = server.root().store();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void collect(String topic, String id, Level level, long seconds) {
        Topics.of(server.vertx()).collect(new AlertEvent(topic,
            new EventState(id, id + " " + level, "d", seconds * 1_000_000_000L, 0, level), EventData.empty(), null,
            false));
    }

    /** Waits until the stored states of the topic satisfy the condition (writes are asynchronous). */
    private static List<EventStateRecord> awaitStored(String topic, Predicate<List<EventStateRecord>> condition)
        throws InterruptedException {
        List<EventStateRecord> rows = List.of();
        for (int i = 0; i < 200; i++) {
            rows = await(store.eventStates().listByTopic(topic));
            if (condition.test(rows)) {
                return rows;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("stored states of " + topic + " never matched: " + rows);
    }

    @Test
    void keepsTheLatestStatePerEvent() throws Exception {
        for (int i = 1; i <= 20; i++) {
            collect("wt_latest", "e1", i % 2 == 0 ? Level.WARNING : Level.CRITICAL, i);
        }
        collect("wt_latest", "e2", Level.INFO, 21);
        List<EventStateRecord> rows = awaitStored("wt_latest",
            r -> r.size() == 2 && r.get(0).data().getLong("time") == 20_000_000_000L);
        assertEquals("WARNING", rows.get(0).level());
        assertEquals("e1 WARNING", rows.get(0).data().getString("message"));
        assertEquals("INFO", rows.get(1).level());
    }

    @Test
    void recoveryClearsTheStoredState() throws Exception {
        collect("wt_ok", "e1", Level.CRITICAL, 1);
        collect("wt_ok", "e2", Level.CRITICAL, 1);
        awaitStored("wt_ok", r -> r.size() == 2);
        collect("wt_ok", "e1", Level.OK, 2);
        List<EventStateRecord> rows = awaitStored("wt_ok", r -> r.size() == 1);
        assertEquals("e2", rows.get(0).eventId());
    }

    @Test
    void deletingTheTopicOverTheApiDropsItsStates() throws Exception {
        collect("wt_del", "e1", Level.CRITICAL, 1);
        awaitStored("wt_del", r -> r.size() == 1);
        ContextHttp http = new ContextHttp(server.vertx(), server.http().port());
        assertEquals(204, await(http.request(io.vertx.core.http.HttpMethod.DELETE,
            "/kapacitor/v1/alerts/topics/wt_del", null)).status());
        awaitStored("wt_del", List::isEmpty);
    }
}
