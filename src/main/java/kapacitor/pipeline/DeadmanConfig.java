package kapacitor.pipeline;

/** The [deadman] configuration section: defaults for deadman() and the global switch. */
public record DeadmanConfig(long intervalNanos, double threshold, String id, String message, boolean global) {

    /** Marker replaced by the watched node's name in {@link #id()}. */
    public static final String NODE_NAME = "NODE_NAME";
    /** Marker replaced by the interval (Go duration text) in {@link #message()}. */
    public static final String INTERVAL = "INTERVAL";

    public static final String DEFAULT_ID = "{{ .Group }}:NODE_NAME for task '{{ .TaskName }}'";
    public static final String DEFAULT_MESSAGE = "{{ .ID }} is {{ if eq .Level \"OK\" }}alive{{ else }}dead{{ end }}: "
        + "{{ index .Fields \"emitted\" | printf \"%0.3f\" }} points/INTERVAL.";

    public static DeadmanConfig defaults() {
        return new DeadmanConfig(10_000_000_000L, 0.0, DEFAULT_ID, DEFAULT_MESSAGE, false);
    }
}
