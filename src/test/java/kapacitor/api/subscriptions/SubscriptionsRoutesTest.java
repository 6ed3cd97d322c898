package kapacitor.api.subscriptions;

import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aClusterThatManagesSubscriptionsIsNotImplemented() {
        try (TestServer server = TestServer.postgres()) {
            Http.Response r = await(server.http().post("/kapacitor/v1/subscriptions", ""));
            assertEquals(501, r.status());
            assertEquals("failed to link subscriptions: linking cluster default: InfluxDB subscription management is"
                + " not implemented in this build of kapacitord; set disable-subscriptions = true",
                r.json().getString("error"));
        }
    }
}
