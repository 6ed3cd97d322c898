package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code task_leases} table: compare-and-set primitives on the epoch. The cluster layer decides when a
 * take-over is allowed (free, expired, owner gone); these statements make sure only one node wins it.
 */
public final class LeaseRepository {

    private final Pool pool;
    private final Dialect dialect;
    private final Table table;

    LeaseRepository(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.table = table(dialect);
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "task_leases", 1, Table.Column.text("task_id"), Table.Column.text("node_id"),
            Table.Column.bigint("epoch"), Table.Column.bigint("renewed_at"));
    }

    private static LeaseRecord fromRow(Object[] row) {
        return new LeaseRecord((String) row[0], (String) row[1], (Long) row[2], (Long) row[3]);
    }

    /** Takes a lease nobody holds, at epoch 1; {@link DuplicateKeyException} if a lease row exists. */
    public Future<LeaseRecord> acquire(String taskId, String nodeId, long now) {
        LeaseRecord lease = new LeaseRecord(taskId, nodeId, 1, now);
        return table.insert(pool, new Object[] {taskId, nodeId, 1L, now}).map(lease)
            .recover(e -> SqlErrors.translate(e, "lease already exists"));
    }

    /**
     * Moves the lease to {@code nodeId} with the next epoch if its epoch is still {@code expectedEpoch};
     * otherwise fails with {@link StaleEpochException} (someone else took it) or {@link NotFoundException}.
     */
    public Future<LeaseRecord> takeOver(String taskId, long expectedEpoch, String nodeId, long now) {
        String sql = "UPDATE task_leases SET node_id = " + dialect.param(1) + ", epoch = epoch + 1, renewed_at = "
            + dialect.param(2) + " WHERE task_id = " + dialect.param(3) + " AND epoch = " + dialect.param(4);
        return pool.preparedQuery(sql).execute(Tuple.of(nodeId, now, taskId, expectedEpoch))
            .recover(SqlErrors::translate)
            .compose(rs -> rs.rowCount() > 0
                ? Future.succeededFuture(new LeaseRecord(taskId, nodeId, expectedEpoch + 1, now))
                : get(taskId).compose(current -> Future.failedFuture(new StaleEpochException("lease of task "
                    + taskId + " is at epoch " + current.epoch() + ", not " + expectedEpoch))));
    }

    /** Renews every lease held by the node; returns how many. */
    public Future<Integer> renewAll(String nodeId, long now) {
        String sql = "UPDATE task_leases SET renewed_at = " + dialect.param(1) + " WHERE node_id = " + dialect.param(2);
        return pool.preparedQuery(sql).execute(Tuple.of(now, nodeId)).map(RowSet::rowCount)
            .recover(SqlErrors::translate);
    }

    /**
     * Gives the lease up if the node still holds it; returns whether it did. The row stays, with no holder
     * ({@code node_id} empty), so the next owner takes it over at the next epoch: epochs only ever grow, which is
     * what lets a node recognise writes made under a lease it has lost.
     */
    public Future<Boolean> release(String taskId, String nodeId) {
        String sql = "UPDATE task_leases SET node_id = '', renewed_at = 0 WHERE task_id = " + dialect.param(1)
            + " AND node_id = " + dialect.param(2);
        return pool.preparedQuery(sql).execute(Tuple.of(taskId, nodeId)).map(rs -> rs.rowCount() > 0)
            .recover(SqlErrors::translate);
    }

    /** Removes the lease row of a task nobody runs any more (disabled or deleted); returns whether it did. */
    public Future<Boolean> delete(String taskId, String nodeId) {
        return table.delete(pool, List.of("task_id", "node_id"), taskId, nodeId).map(n -> n > 0)
            .recover(SqlErrors::translate);
    }

    /** Fails with {@link NotFoundException} ("no lease exists"). */
    public Future<LeaseRecord> get(String taskId) {
        return table.get(pool, taskId).recover(SqlErrors::translate).compose(row -> row == null
            ? Future.failedFuture(new NotFoundException("no lease exists"))
            : Future.succeededFuture(fromRow(row)));
    }

    /** All leases sorted by task id. */
    public Future<List<LeaseRecord>> listAll() {
        return table.selectAll(pool).recover(SqlErrors::translate).map(rows -> {
            List<LeaseRecord> out = new ArrayList<>();
            rows.forEach(r -> out.add(fromRow(r)));
            out.sort(Comparator.comparing(LeaseRecord::taskId));
            return out;
        });
    }
}
