package kapacitor.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import kapacitor.util.Durations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscription keys of one {@code [[influxdb]]} section (Kapacitor's services/influxdb Config), read next to
 * {@link InfluxDBConfig} from the same element. Absent or zero values take Kapacitor's conditional defaults
 * (ApplyConditionalDefaults), so an element read from a sparse override behaves like one from the full file.
 *
 * @param mode            "cluster" (one set of subscriptions per cluster id) or "server" (per server id)
 * @param subscriptions   database to retention policies to subscribe to; empty means every one
 * @param excluded        database to retention policies never subscribed to
 * @param httpPort        0 means the {@code [http]} port
 * @param startupTimeoutNanos how long to keep pinging an unreachable InfluxDB before a link attempt fails
 * @param syncIntervalNanos   how often the subscriptions are re-linked
 */
public record SubscriptionConfig(String name, boolean enabled, boolean disabled, String protocol, String mode,
                                 Map<String, List<String>> subscriptions, Map<String, List<String>> excluded,
                                 String kapacitorHostname, int httpPort, String udpBind, int udpBuffer,
                                 int udpReadBuffer, long startupTimeoutNanos, long syncIntervalNanos,
                                 String subscriptionPath) {
    public static final long DEFAULT_STARTUP_TIMEOUT_NANOS = 5L * 60 * 1_000_000_000L;
    public static final long DEFAULT_SYNC_INTERVAL_NANOS = 60L * 1_000_000_000L;
    public static final int DEFAULT_UDP_BUFFER = 1000;

    public SubscriptionConfig {
        subscriptions = Map.copyOf(subscriptions);
        excluded = Map.copyOf(excluded);
    }

    /** Every {@code [[influxdb]]} element of the merged config tree, in order. */
    public static List<SubscriptionConfig> fromTree(JsonNode tree) {
        List<SubscriptionConfig> out = new ArrayList<>();
        JsonNode all = tree == null ? null : tree.get("influxdb");
        if (all != null && all.isArray()) {
            all.forEach(e -> out.add(from(e)));
        }
        return out;
    }

    /** One element, as the TOML tree or the live config ({@code CONFIG_GET}) holds it. */
    public static SubscriptionConfig from(JsonNode e) {
        String protocol = text(e, "subscription-protocol", "http");
        long startup = nanos(e, "startup-timeout");
        long sync = nanos(e, "subscriptions-sync-interval");
        int udpBuffer = e.path("udp-buffer").asInt(0);
        return new SubscriptionConfig(e.path("name").asText(""), e.path("enabled").asBoolean(true),
            e.path("disable-subscriptions").asBoolean(false), protocol, text(e, "subscription-mode", "cluster"),
            dbrps(e.path("subscriptions")), dbrps(e.path("excluded-subscriptions")),
            e.path("kapacitor-hostname").asText(""), e.path("http-port").asInt(0), e.path("udp-bind").asText(""),
            udpBuffer == 0 ? DEFAULT_UDP_BUFFER : udpBuffer, e.path("udp-read-buffer").asInt(0),
            startup == 0 ? DEFAULT_STARTUP_TIMEOUT_NANOS : startup, sync == 0 ? DEFAULT_SYNC_INTERVAL_NANOS : sync,
            e.path("subscription-path").asText(""));
    }

    /** Whether a subscription on db.rp belongs to the configured set (Kapacitor's shouldSubExist). */
    public boolean shouldSubscribe(String db, String rp) {
        return (subscriptions.isEmpty() || contains(subscriptions, db, rp)) && !contains(excluded, db, rp);
    }

    private static boolean contains(Map<String, List<String>> dbrps, String db, String rp) {
        List<String> rps = dbrps.get(db);
        return rps != null && rps.contains(rp);
    }

    private static String text(JsonNode e, String key, String dflt) {
        String v = e.path(key).asText("");
        return v.isEmpty() ? dflt : v;
    }

    private static long nanos(JsonNode e, String key) {
        JsonNode v = e.get(key);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        String s = v.asText("");
        return s.isEmpty() ? 0 : Durations.parseNanos(s);
    }

    private static Map<String, List<String>> dbrps(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(f -> {
                List<String> rps = new ArrayList<>();
                f.getValue().forEach(rp -> rps.add(rp.asText()));
                out.put(f.getKey(), rps);
            });
        }
        return out;
    }
}
