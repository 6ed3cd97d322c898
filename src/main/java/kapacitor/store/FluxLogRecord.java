package kapacitor.store;

/** One log line of a flux run; {@code seq} orders the lines of a run, {@code time} is epoch milliseconds. */
public record FluxLogRecord(String runId, long seq, String taskId, long time, String message) {
}
