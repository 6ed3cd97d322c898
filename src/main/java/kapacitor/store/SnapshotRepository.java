package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;

import java.util.Base64;

/**
 * The {@code task_snapshots} table. Bytes are stored base64-encoded in a text column: the one column type that
 * binds and reads back identically through vertx-pg-client and vertx-jdbc-client.
 */
public final class SnapshotRepository {

    private final Pool pool;
    private final Table table;

    SnapshotRepository(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.table = table(dialect);
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "task_snapshots", 1, Table.Column.text("task_id"), Table.Column.bigint("epoch"),
            Table.Column.text("data"));
    }

    /**
     * Stores the snapshot unless one with a newer epoch is already there; then fails with
     * {@link StaleEpochException}, which tells the writer it lost the task.
     */
    public Future<Void> put(SnapshotRecord snapshot) {
        Object[] row = {snapshot.taskId(), snapshot.epoch(),
            Base64.getEncoder().encodeToString(snapshot.bytes().getBytes())};
        return table.merge(pool, row, "epoch").recover(SqlErrors::translate).compose(n -> n > 0
            ? Future.succeededFuture()
            : Future.failedFuture(new StaleEpochException("task " + snapshot.taskId()
                + " has a snapshot from a newer epoch than " + snapshot.epoch())));
    }

    /** Fails with {@link NotFoundException} ("no snapshot exists"). */
    public Future<SnapshotRecord> get(String taskId) {
        return table.get(pool, taskId).recover(SqlErrors::translate).compose(row -> row == null
            ? Future.failedFuture(new NotFoundException("no snapshot exists"))
            : Future.succeededFuture(new SnapshotRecord((String) row[0], (Long) row[1],
                Buffer.buffer(Base64.getDecoder().decode((String) row[2])))));
    }

    public Future<Boolean> delete(String taskId) {
        return table.deleteByKey(pool, taskId).map(n -> n > 0).recover(SqlErrors::translate);
    }
}
