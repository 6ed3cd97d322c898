package kapacitor.service.influxdb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statements read as Kapacitor's influxql String() renders them (services/influxdb/service_test.go). */
class InfluxQLTest {
    @Test
    void identifiersAreQuotedOnlyWhenInfluxQLNeedsIt() {
        assertEquals("CREATE SUBSCRIPTION \"kapacitor-0123\" ON db1.rpA DESTINATIONS ANY 'http://localhost:9092'",
            InfluxQL.createSubscription("kapacitor-0123", "db1", "rpA", "ANY", List.of("http://localhost:9092")));
        assertEquals("DROP SUBSCRIPTION \"kapacitor-0123\" ON \"my db\".\"default\"",
            InfluxQL.dropSubscription("kapacitor-0123", "my db", "default"));
        assertEquals("SHOW RETENTION POLICIES ON _kapacitor", InfluxQL.showRetentionPolicies("_kapacitor"));
        assertEquals("SHOW RETENTION POLICIES ON \"1db\"", InfluxQL.showRetentionPolicies("1db"));
        assertEquals("\"a\\\\b\\\"c\\n\"", InfluxQL.ident("a\\b\"c\n"));
        assertEquals("'it\\'s \\\\ \\n'", InfluxQL.string("it's \\ \n"));
        assertEquals("CREATE SUBSCRIPTION s ON d.r DESTINATIONS ALL 'udp://a:1', 'udp://b:2'",
            InfluxQL.createSubscription("s", "d", "r", "ALL", List.of("udp://a:1", "udp://b:2")));
    }
}
