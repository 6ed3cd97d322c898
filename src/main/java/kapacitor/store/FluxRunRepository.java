package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code flux_runs} table. */
public final class FluxRunRepository extends VersionedRepository<FluxRunRecord> {

    FluxRunRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "run");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "flux_runs", 1, Table.Column.text("id"), Table.Column.text("task_id"),
            Table.Column.text("status"), Table.Column.bigint("scheduled_for"), Table.Column.bigint("version"),
            Table.Column.text("data"));
    }

    @Override
    Object[] toRow(FluxRunRecord r, long version) {
        return new Object[] {r.id(), r.taskId(), r.status(), r.scheduledFor(), version, encode(r.data())};
    }

    @Override
    FluxRunRecord fromRow(Object[] row) {
        return new FluxRunRecord((String) row[0], (String) row[1], (String) row[2], (Long) row[3], (Long) row[4],
            decode(row[5]));
    }

    @Override
    long versionOf(FluxRunRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(FluxRunRecord r) {
        return new Object[] {r.id()};
    }

    @Override
    String idOf(FluxRunRecord r) {
        return r.id();
    }

    public Future<FluxRunRecord> create(FluxRunRecord run) {
        return insert(pool, run);
    }

    public Future<FluxRunRecord> get(String id) {
        return find(pool, id);
    }

    /** The task's runs ordered by scheduled time, then id. */
    public Future<List<FluxRunRecord>> listByTask(String taskId) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("task_id"), taskId)
            .map(runs -> runs.stream()
                .sorted(Comparator.comparingLong(FluxRunRecord::scheduledFor).thenComparing(FluxRunRecord::id))
                .collect(Collectors.toList()));
    }

    public Future<FluxRunRecord> update(FluxRunRecord run) {
        return update(pool, run);
    }

    public Future<Boolean> delete(String id) {
        return remove(pool, id);
    }

    /** Deletes all runs of a task; returns how many. */
    public Future<Integer> deleteByTask(String taskId) {
        return table.delete(pool, List.of("task_id"), taskId).recover(SqlErrors::translate);
    }
}
