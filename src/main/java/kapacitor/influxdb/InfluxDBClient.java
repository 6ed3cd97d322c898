package kapacitor.influxdb;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * What batch queries and influxDBOut need from an InfluxDB 1.x server: run an InfluxQL query and write line protocol.
 * Both are asynchronous; their futures complete on the caller's context.
 */
public interface InfluxDBClient {
    /**
     * Runs {@code command} (with {@code db} as the default database, "" for none). Fails with the server's error text
     * when the response or any of its results carries one, as Kapacitor's client does.
     */
    Future<QueryResponse> query(String command, String db);

    /** Writes a line-protocol body to {@code target}; fails with the server's error text on a status other than 2xx. */
    Future<Void> write(WriteTarget target, Buffer lines);

    /** Releases connections. */
    default void close() {
    }
}
