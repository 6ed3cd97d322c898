package kapacitor.replay;

import io.vertx.core.Future;
import kapacitor.influxdb.InfluxDBClient;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.influxdb.QueryResponse;
import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.batch.BatchQuery;
import kapacitor.runtime.batch.ResultBatches;
import kapacitor.runtime.edge.BatchMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a recording or replay of one InfluxQL query (Kapacitor's doRecordQuery and doLiveQueryReplay): the
 * query runs as written on the named cluster, which must be fully qualified so the data has a database and retention
 * policy; its series become batches (batch type) or points in time order (stream type).
 */
public final class QueryRecording {
    /** The answer of the query and the database and retention policy it read. */
    public record Result(DbRp dbrp, QueryResponse response) {
    }

    private QueryRecording() {
    }

    /** Runs {@code query}; fails with Kapacitor's texts. */
    public static Future<Result> run(String query, String cluster, InfluxDBClusters clusters) {
        DbRp dbrp;
        try {
            List<DbRp> sources = BatchQuery.parse(query, List.of(), null, false).dbrps();
            dbrp = sources.size() == 1 ? sources.get(0) : new DbRp("", "");
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e.getMessage());
        }
        if (dbrp.db().isEmpty() || dbrp.rp().isEmpty()) {
            return Future.failedFuture(
                "could not determine database and retention policy. Is the query fully qualified?");
        }
        InfluxDBClient client;
        try {
            client = clusters.named(cluster);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture("failed to get InfluxDB client: " + e.getMessage());
        }
        return client.query(query, "")
            .recover(e -> Future.failedFuture("InfluxDB query failed: " + e.getMessage()))
            .map(resp -> {
                if (resp.error() != null && !resp.error().isEmpty()) {
                    throw new IllegalStateException("InfluxDB query failed: " + resp.error());
                }
                return new Result(dbrp, resp);
            });
    }

    /** One batch per series; its time is the latest point's, as Kapacitor sets no query bounds on them. */
    public static List<BatchMessage> batches(QueryResponse resp) {
        List<BatchMessage> out = new ArrayList<>();
        for (QueryResponse.Result r : resp.results()) {
            out.addAll(ResultBatches.of(r, false, true, BatchRecordingFile.NO_TIME));
        }
        return out;
    }

    /**
     * The points of every series, merged in time order as Kapacitor's runQueryStream writes them: at each time, the
     * series in answer order, each with its points up to that time. Empty tag values are left out, as a point's line
     * protocol has none.
     */
    public static List<Point> points(QueryResponse resp, DbRp dbrp) {
        List<Point> out = new ArrayList<>();
        for (QueryResponse.Result r : resp.results()) {
            List<BatchMessage> batches = ResultBatches.of(r, false, true, BatchRecordingFile.NO_TIME);
            int[] next = new int[batches.size()];
            long current = Long.MAX_VALUE;
            for (BatchMessage b : batches) {
                if (!b.points().isEmpty()) {
                    current = Math.min(current, b.points().get(0).time());
                }
            }
            boolean more = current != Long.MAX_VALUE;
            while (more) {
                long following = Long.MAX_VALUE;
                more = false;
                for (int i = 0; i < batches.size(); i++) {
                    List<Point> ps = batches.get(i).points();
                    while (next[i] < ps.size() && ps.get(next[i]).time() <= current) {
                        Point p = ps.get(next[i]++);
                        out.add(new Point(batches.get(i).name(), dbrp.db(), dbrp.rp(), nonEmpty(p.tags()),
                            p.fields(), p.time()));
                    }
                    if (next[i] < ps.size()) {
                        more = true;
                        following = Math.min(following, ps.get(next[i]).time());
                    }
                }
                current = following;
            }
        }
        return out;
    }

    private static Tags nonEmpty(Tags tags) {
        Map<String, String> m = new LinkedHashMap<>();
        tags.toMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                m.put(k, v);
            }
        });
        return m.size() == tags.size() ? tags : Tags.of(m);
    }
}
