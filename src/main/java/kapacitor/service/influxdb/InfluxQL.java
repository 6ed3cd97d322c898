package kapacitor.service.influxdb;

import java.util.List;
import java.util.stream.Collectors;

/** The InfluxQL statements subscription linking sends, with identifiers and strings quoted as influxql does. */
final class InfluxQL {
    private InfluxQL() {
    }

    static final String SHOW_DATABASES = "SHOW DATABASES";
    static final String SHOW_SUBSCRIPTIONS = "SHOW SUBSCRIPTIONS";

    static String showRetentionPolicies(String db) {
        return "SHOW RETENTION POLICIES ON " + ident(db);
    }

    static String createSubscription(String name, String db, String rp, String mode, List<String> destinations) {
        return "CREATE SUBSCRIPTION " + ident(name) + " ON " + ident(db) + "." + ident(rp) + " DESTINATIONS "
            + mode + " " + destinations.stream().map(InfluxQL::string).collect(Collectors.joining(", "));
    }

    static String dropSubscription(String name, String db, String rp) {
        return "DROP SUBSCRIPTION " + ident(name) + " ON " + ident(db) + "." + ident(rp);
    }

    static String ident(String s) {
        return kapacitor.influxdb.InfluxQLQuote.ident(s);
    }

    static String string(String s) {
        return kapacitor.influxdb.InfluxQLQuote.string(s);
    }
}
