package kapacitor.api.subscriptions;

import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /kapacitor/v1/subscriptions without an InfluxDB; SubscriptionLinkingTest covers it against a real one. */
class SubscriptionsRoutesTest {
    @Test
    void noSubscriptionManagementConfiguredAnswers204() {
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_INFLUXDB_0_DISABLE_SUBSCRIPTIONS", "true"))) {
            Http.Response r = await(server.http().post("/kapacitor/v1/subscriptions", ""));
            assertEquals(204, r.status(), r.text());
            assertEquals(0, r.body().length());
        }
    }

    @Test
    void anUnreachableInfluxDBFailsTheLinkOnceStartupTimeoutIsSpent() {
        long started = System.nanoTime();
        try (TestServer server = TestServer.postgres(Map.of(
                "KAPACITOR_INFLUXDB_0_URLS_0", "http://127.0.0.1:" + Http.freePort(),
                "KAPACITOR_INFLUXDB_0_STARTUP_TIMEOUT", "1s"))) {
            // Start-up does not wait for an InfluxDB that refuses connections.
            assertTrue(System.nanoTime() - started < 8_000_000_000L, "server started while InfluxDB is down");
            Http.Response r = await(server.http().post("/kapacitor/v1/subscriptions", ""));
            assertEquals(500, r.status(), r.text());
            assertEquals("failed to link subscriptions: linking cluster default: failed to connect to InfluxDB, retry"
                + " limit reached", r.json().getString("error"));
        }
    }
}
