package kapacitor.influxdb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code [[influxdb]]} section as the clients need it ({@link SubscriptionConfig} reads the subscription keys of
 * the same section). The config loader has already validated names, URLs and the default (KapacitorConfig).
 */
public record InfluxDBConfig(String name, boolean enabled, boolean isDefault, List<String> urls, String username,
                             String password, String token, long timeoutNanos, String sslCa, String sslCert,
                             String sslKey, boolean insecureSkipVerify, boolean gzip) {

    public InfluxDBConfig {
        urls = List.copyOf(urls);
    }

    /** A plain HTTP config with no credentials, as tests need. */
    public static InfluxDBConfig of(String name, String url) {
        return new InfluxDBConfig(name, true, true, List.of(url), "", "", "", 0, "", "", "", false, false);
    }

    public InfluxDBConfig withDefault(boolean value) {
        return new InfluxDBConfig(name, enabled, value, urls, username, password, token, timeoutNanos, sslCa, sslCert,
            sslKey, insecureSkipVerify, gzip);
    }

    /** Every {@code [[influxdb]]} element of the merged config tree. */
    public static List<InfluxDBConfig> fromTree(JsonNode tree) {
        List<InfluxDBConfig> out = new ArrayList<>();
        JsonNode all = tree == null ? null : tree.get("influxdb");
        if (all == null || !all.isArray()) {
            return out;
        }
        for (JsonNode e : all) {
            List<String> urls = new ArrayList<>();
            e.path("urls").forEach(u -> urls.add(u.asText()));
            String timeout = e.path("timeout").asText("0s");
            out.add(new InfluxDBConfig(e.path("name").asText(""), e.path("enabled").asBoolean(true),
                e.path("default").asBoolean(false), urls, e.path("username").asText(""),
                e.path("password").asText(""), e.path("token").asText(""),
                timeout.isEmpty() ? 0 : kapacitor.util.Durations.parseNanos(timeout), e.path("ssl-ca").asText(""),
                e.path("ssl-cert").asText(""), e.path("ssl-key").asText(""),
                e.path("insecure-skip-verify").asBoolean(false), "gzip".equals(e.path("compression").asText(""))));
        }
        return out;
    }
}
