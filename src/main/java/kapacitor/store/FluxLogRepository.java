package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code flux_logs} table: append-only log lines per run. */
public final class FluxLogRepository {

    private final Pool pool;
    private final Dialect dialect;
    private final Table table;

    FluxLogRepository(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.table = table(dialect);
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "flux_logs", 2, Table.Column.text("run_id"), Table.Column.bigint("seq"),
            Table.Column.text("task_id"), Table.Column.bigint("logged_at"), Table.Column.text("message"));
    }

    /**
     * Appends a line after the run's last one and returns it with its sequence number. A run logs from its one
     * owner, one line at a time; two concurrent appends to the same run would fail with {@link DuplicateKeyException}.
     */
    public Future<FluxLogRecord> append(String taskId, String runId, long time, String message) {
        String next = "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM flux_logs WHERE run_id = " + dialect.param(1);
        return pool.preparedQuery(next).execute(Tuple.of(runId))
            .compose(rows -> {
                Row row = rows.iterator().next();
                FluxLogRecord log = new FluxLogRecord(runId, row.getLong("seq"), taskId, time, message);
                return table.insert(pool, new Object[] {runId, log.seq(), taskId, time, message}).map(log);
            })
            .recover(e -> SqlErrors.translate(e, "log line already exists"));
    }

    /** The run's lines in order. */
    public Future<List<FluxLogRecord>> listByRun(String runId) {
        return query(List.of("run_id"), runId);
    }

    /** All lines of all runs of a task, by time then run and sequence. */
    public Future<List<FluxLogRecord>> listByTask(String taskId) {
        return query(List.of("task_id"), taskId);
    }

    public Future<Integer> deleteByRun(String runId) {
        return table.delete(pool, List.of("run_id"), runId).recover(SqlErrors::translate);
    }

    public Future<Integer> deleteByTask(String taskId) {
        return table.delete(pool, List.of("task_id"), taskId).recover(SqlErrors::translate);
    }

    private Future<List<FluxLogRecord>> query(List<String> names, Object value) {
        return table.select(pool, names, value).recover(SqlErrors::translate).map(rows -> {
            List<FluxLogRecord> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(new FluxLogRecord((String) r[0], (Long) r[1], (String) r[2], (Long) r[3], (String) r[4]));
            }
            out.sort(Comparator.comparingLong(FluxLogRecord::time).thenComparing(FluxLogRecord::runId)
                .thenComparingLong(FluxLogRecord::seq));
            return out;
        });
    }
}
