package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;

/** The {@code replays} table. */
public final class ReplayRepository extends VersionedRepository<ReplayRecord> {

    ReplayRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "replay");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "replays", 1, Table.Column.text("id"), Table.Column.text("recording_id"),
            Table.Column.text("task_id"), Table.Column.text("status"),
            Table.Column.bigint("version"), Table.Column.text("data"));
    }

    @Override
    Object[] toRow(ReplayRecord r, long version) {
        return new Object[] {r.id(), r.recordingId(), r.taskId(), r.status(), version, encode(r.data())};
    }

    @Override
    ReplayRecord fromRow(Object[] row) {
        return new ReplayRecord((String) row[0], (String) row[1], (String) row[2], (String) row[3], (Long) row[4],
            decode(row[5]));
    }

    @Override
    long versionOf(ReplayRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(ReplayRecord r) {
        return new Object[] {r.id()};
    }

    @Override
    String idOf(ReplayRecord r) {
        return r.id();
    }

    /** Stores a new row with version 1; fails with {@link DuplicateKeyException} ("replay already exists"). */
    public Future<ReplayRecord> create(ReplayRecord record) {
        return insert(pool, record);
    }

    /** Fails with {@link NotFoundException} ("no replay exists"). */
    public Future<ReplayRecord> get(String id) {
        return find(pool, id);
    }

    /** Sorted by id, filtered by a Kapacitor (path.Match) pattern, then offset and limit. */
    public Future<List<ReplayRecord>> list(String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of());
    }

    public Future<List<ReplayRecord>> listAll() {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of());
    }

    public Future<List<ReplayRecord>> listByTask(String taskId) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("task_id"), taskId);
    }

    public Future<List<ReplayRecord>> listByRecording(String recordingId) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("recording_id"), recordingId);
    }

    public Future<List<ReplayRecord>> listByStatus(String status) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("status"), status);
    }

    /** Optimistic update: {@link VersionConflictException} when the stored version is not {@code version()}. */
    public Future<ReplayRecord> update(ReplayRecord record) {
        return update(pool, record);
    }

    /** Whether a row was deleted. */
    public Future<Boolean> delete(String id) {
        return remove(pool, id);
    }
}
