package kapacitor.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Kapacitor's published statistics (server/vars/stats.go): each statistic has a name, tags and values, listed
 * under the {@code kapacitor} key of {@code /debug/vars}, which Telegraf's kapacitor input reads. Sources register a
 * supplier that reads their own thread-safe counters; nothing is computed until someone asks.
 */
public final class StatsRegistry {
    private final String clusterId;
    private final String serverId;
    private final String host;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String name, Map<String, String> tags, Supplier<Map<String, Object>> values) {
    }

    public StatsRegistry(String clusterId, String serverId, String host) {
        this.clusterId = clusterId;
        this.serverId = serverId;
        this.host = host;
    }

    /** Adds a statistic; the returned key removes it. */
    public String register(String name, Map<String, String> tags, Supplier<Map<String, Object>> values) {
        String key = UUID.randomUUID().toString();
        entries.put(key, new Entry(name, Map.copyOf(tags), values));
        return key;
    }

    public void remove(String key) {
        entries.remove(key);
    }

    public String clusterId() {
        return clusterId;
    }

    public String serverId() {
        return serverId;
    }

    public String host() {
        return host;
    }

    /** The {@code kapacitor} map: key -> {name, tags (with the id tags every statistic carries), values}. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        entries.forEach((key, e) -> {
            Map<String, String> tags = new TreeMap<>(e.tags());
            tags.put("cluster_id", clusterId);
            tags.put("server_id", serverId);
            tags.put("host", host);
            Map<String, Object> stat = new LinkedHashMap<>();
            stat.put("name", e.name());
            stat.put("tags", tags);
            stat.put("values", new TreeMap<>(e.values().get()));
            out.put(key, stat);
        });
        return out;
    }
}
