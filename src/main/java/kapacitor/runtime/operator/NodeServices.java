package kapacitor.runtime.operator;

import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.model.DbRp;
import kapacitor.model.Point;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What nodes may use outside the task: the task's own dbrps (loop detection), the configured sideload directories,
 * the configured httpPost endpoints, where kapacitorLoopback writes, and the configured InfluxDB clusters (batch
 * queries, influxDBOut).
 */
public record NodeServices(List<DbRp> taskDbrps, List<Path> sideloadDirs, Map<String, HttpPostEndpoint> httpPost,
                           PointWriter loopback, InfluxDBClusters influxdb) {
    public static final NodeServices NONE = new NodeServices(List.of(), List.of(), Map.of(), null);

    public NodeServices {
        taskDbrps = List.copyOf(taskDbrps);
        sideloadDirs = List.copyOf(sideloadDirs);
        httpPost = Map.copyOf(httpPost);
        influxdb = influxdb == null ? InfluxDBClusters.NONE : influxdb;
    }

    /** Without InfluxDB clusters. */
    public NodeServices(List<DbRp> taskDbrps, List<Path> sideloadDirs, Map<String, HttpPostEndpoint> httpPost,
                        PointWriter loopback) {
        this(taskDbrps, sideloadDirs, httpPost, loopback, InfluxDBClusters.NONE);
    }

    public NodeServices withTaskDbrps(List<DbRp> dbrps) {
        return new NodeServices(dbrps, sideloadDirs, httpPost, loopback, influxdb);
    }

    public NodeServices withInfluxDB(InfluxDBClusters clusters) {
        return new NodeServices(taskDbrps, sideloadDirs, httpPost, loopback, clusters);
    }

    /** A configured {@code [[httppost]]} endpoint: its URL and headers. */
    /**
     * A {@code [[httppost]]} endpoint: its URL (a Go template of the row), headers, and the Go template of the
     * request body (empty: the row as {@code {"series":[row]}} JSON).
     */
    public record HttpPostEndpoint(String url, Map<String, String> headers, String rowTemplate) {
        public HttpPostEndpoint {
            headers = Map.copyOf(headers);
        }

        public HttpPostEndpoint(String url, Map<String, String> headers) {
            this(url, headers, "");
        }
    }

    /** Where kapacitorLoopback points go (the ingest router); must not block. */
    @FunctionalInterface
    public interface PointWriter {
        void write(String db, String rp, List<Point> points);
    }
}
