package kapacitor.store;

import io.vertx.core.buffer.Buffer;

/** A task's last runtime snapshot, written by the owner holding lease {@code epoch}. */
public record SnapshotRecord(String taskId, long epoch, Buffer bytes) {
}
