package kapacitor.service.influxdb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many InfluxDB subscriptions of ours each cluster has after its last link, summed into debug/vars'
 * {@code num_subscriptions} (Kapacitor's vars.NumSubscriptionsVar). Written by the linker, read by HTTP threads.
 */
public final class SubscriptionCounts {
    private final Map<String, Integer> byCluster = new ConcurrentHashMap<>();

    void set(String cluster, int count) {
        byCluster.put(cluster, count);
    }

    void remove(String cluster) {
        byCluster.remove(cluster);
    }

    public long total() {
        return byCluster.values().stream().mapToLong(Integer::longValue).sum();
    }
}
