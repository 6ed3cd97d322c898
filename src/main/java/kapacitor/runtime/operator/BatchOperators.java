package kapacitor.runtime.operator;

import kapacitor.influxdb.InfluxDBClient;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.pipeline.NodeDef;
import kapacitor.runtime.batch.BatchQuery;
import kapacitor.runtime.batch.CronSchedule;
import kapacitor.runtime.batch.EverySchedule;
import kapacitor.runtime.batch.QuerySchedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the nodes that talk to InfluxDB (query, influxDBOut), with Kapacitor's texts for a bad configuration. */
final class BatchOperators {
    private BatchOperators() {
    }

    static QueryOperator query(NodeDef n, InfluxDBClusters clusters) {
        BatchQuery query = BatchQuery.parse(n.stringValue("QueryStr"), n.values("GroupBy"), n.value("Fill"),
            n.has("AlignGroup"));
        long every = n.durationNanos("Every");
        String cron = n.stringValue("Cron");
        if (every != 0 && !cron.isEmpty()) {
            throw new IllegalArgumentException("must not set both 'every' and 'cron' properties");
        }
        if (every < 0) {
            throw new IllegalArgumentException("'every' duration must must non-negative");
        }
        QuerySchedule schedule;
        if (every > 0) {
            schedule = new EverySchedule(every, n.has("Align"));
        } else if (!cron.isEmpty()) {
            schedule = CronSchedule.parse(cron);
        } else {
            throw new IllegalArgumentException("must define one of 'every' or 'cron'");
        }
        // As Kapacitor's QueryNode, a missing InfluxDB is an error once the node starts querying: a replay copy, fed
        // recorded batches, never does.
        InfluxDBClient client = clusters.isEmpty() ? null : client(clusters, n.stringValue("Cluster"));
        return new QueryOperator(query, schedule, n.durationNanos("Period"),
            n.durationNanos("Offset"), n.has("GroupByMeasurement"), client);
    }

    static InfluxDBOutOperator influxDBOut(NodeDef n, InfluxDBClusters clusters) {
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("no InfluxDB cluster configured cannot use the InfluxDBOutNode");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (List<Object> call : n.calls("Tag")) {
            tags.put(String.valueOf(call.get(0)), String.valueOf(call.get(1)));
        }
        return new InfluxDBOutOperator(client(clusters, n.stringValue("Cluster")), n.stringValue("Database"),
            n.stringValue("RetentionPolicy"), n.stringValue("Measurement"), n.stringValue("WriteConsistency"),
            n.stringValue("Precision"), tags, n.longValue("Buffer"), n.durationNanos("FlushInterval"),
            n.has("Create"));
    }

    private static InfluxDBClient client(InfluxDBClusters clusters, String name) {
        try {
            return clusters.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to get InfluxDB client: " + e.getMessage());
        }
    }
}
