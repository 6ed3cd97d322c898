package kapacitor.influxdb;

/**
 * Where a write goes and how its times are read: the {@code /write} parameters, and the key under which influxDBOut
 * buffers points (Kapacitor's BatchPointsConfig).
 */
public record WriteTarget(String database, String retentionPolicy, String consistency, String precision) {
    public WriteTarget {
        database = database == null ? "" : database;
        retentionPolicy = retentionPolicy == null ? "" : retentionPolicy;
        consistency = consistency == null ? "" : consistency;
        precision = precision == null ? "" : precision;
    }
}
