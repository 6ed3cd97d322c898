package kapacitor.store;

/** Who runs a task: {@code epoch} grows on every take-over; {@code renewedAt} is epoch milliseconds. */
public record LeaseRecord(String taskId, String nodeId, long epoch, long renewedAt) {
}
