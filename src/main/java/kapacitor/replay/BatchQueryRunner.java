package kapacitor.replay;

import io.vertx.core.Future;
import kapacitor.influxdb.InfluxDBClient;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.influxdb.QueryResponse;
import kapacitor.runtime.batch.ResultBatches;
import kapacitor.runtime.edge.BatchMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the queries of a {@link BatchQueryPlan} against InfluxDB one at a time and hands each query's batches to a
 * {@link Sink} before the next query starts (Kapacitor's startRecordBatch): each batch takes the query's stop time
 * when it has no point time or the query is not grouped by time. The first failure ends the run with its text.
 */
public final class BatchQueryRunner {
    /** Takes the batches of query node {@code node}; the next query waits for the returned future. */
    public interface Sink {
        Future<Void> accept(int node, List<BatchMessage> batches);
    }

    private BatchQueryRunner() {
    }

    /**
     * Node by node, each node's queries in time order (a recording writes one archive per node, in turn).
     *
     * @throws IllegalArgumentException "no such InfluxDB config ..." when a node names no configured cluster
     */
    public static Future<Void> byNode(List<BatchQueryPlan.Node> plan, InfluxDBClusters clusters, Sink sink) {
        List<InfluxDBClient> clients = clients(plan, clusters);
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < plan.size(); i++) {
            int node = i;
            for (BatchQueryPlan.Window w : plan.get(i).queries()) {
                chain = chain.compose(v -> run(plan.get(node), clients.get(node), w))
                    .compose(batches -> sink.accept(node, batches));
            }
        }
        return chain;
    }

    /**
     * Window by window, each window's nodes in turn, so a replay gives every query node its data of a time range
     * before any moves on to the next one.
     */
    public static Future<Void> byWindow(List<BatchQueryPlan.Node> plan, InfluxDBClusters clusters, Sink sink) {
        List<InfluxDBClient> clients = clients(plan, clusters);
        int windows = plan.stream().mapToInt(n -> n.queries().size()).max().orElse(0);
        Future<Void> chain = Future.succeededFuture();
        for (int k = 0; k < windows; k++) {
            for (int i = 0; i < plan.size(); i++) {
                BatchQueryPlan.Node n = plan.get(i);
                if (k >= n.queries().size()) {
                    continue;
                }
                int node = i;
                BatchQueryPlan.Window w = n.queries().get(k);
                chain = chain.compose(v -> run(n, clients.get(node), w))
                    .compose(batches -> sink.accept(node, batches));
            }
        }
        return chain;
    }

    private static List<InfluxDBClient> clients(List<BatchQueryPlan.Node> plan, InfluxDBClusters clusters) {
        List<InfluxDBClient> clients = new ArrayList<>();
        for (BatchQueryPlan.Node n : plan) {
            clients.add(clusters.named(n.cluster()));
        }
        return clients;
    }

    private static Future<List<BatchMessage>> run(BatchQueryPlan.Node node, InfluxDBClient client,
                                                  BatchQueryPlan.Window w) {
        return client.query(w.text(), "").map(resp -> {
            if (resp.error() != null && !resp.error().isEmpty()) {
                throw new IllegalStateException(resp.error());
            }
            List<BatchMessage> out = new ArrayList<>();
            for (QueryResponse.Result r : resp.results()) {
                out.addAll(ResultBatches.of(r, node.byName(), node.groupedByTime(), w.stop()));
            }
            return out;
        });
    }
}
