package kapacitor.influxdb;

import io.vertx.core.Vertx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured InfluxDB clusters by name, and which one serves nodes that name none (Kapacitor's
 * services/influxdb NewNamedClient): the one marked default, or the only enabled one.
 */
public final class InfluxDBClusters {
    public static final InfluxDBClusters NONE = new InfluxDBClusters(Map.of(), "");

    private final Map<String, InfluxDBClient> clients;
    private final String defaultName;

    public InfluxDBClusters(Map<String, InfluxDBClient> clients, String defaultName) {
        this.clients = Map.copyOf(clients);
        this.defaultName = defaultName;
    }

    /** A client per enabled config. */
    public static InfluxDBClusters create(Vertx vertx, List<InfluxDBConfig> configs) {
        Map<String, InfluxDBClient> clients = new LinkedHashMap<>();
        String def = "";
        for (InfluxDBConfig c : configs) {
            if (!c.enabled()) {
                continue;
            }
            clients.put(c.name(), new HttpInfluxDBClient(vertx, c));
            if (c.isDefault()) {
                def = c.name();
            }
        }
        if (clients.size() == 1) {
            def = clients.keySet().iterator().next();
        }
        return new InfluxDBClusters(clients, def);
    }

    public boolean isEmpty() {
        return clients.isEmpty();
    }

    /**
     * The client of cluster {@code name}, the default one for "".
     *
     * @throws IllegalArgumentException with Kapacitor's text when there is no such cluster
     */
    public InfluxDBClient named(String name) {
        String n = name == null || name.isEmpty() ? defaultName : name;
        InfluxDBClient c = clients.get(n);
        if (c == null) {
            throw new IllegalArgumentException("no such InfluxDB config " + n);
        }
        return c;
    }

    public void close() {
        clients.values().forEach(InfluxDBClient::close);
    }
}
