package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;

/** The {@code recordings} table. */
public final class RecordingRepository extends VersionedRepository<RecordingRecord> {

    RecordingRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "recording");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "recordings", 1, Table.Column.text("id"),
            Table.Column.text("type"), Table.Column.text("status"),
            Table.Column.bigint("version"), Table.Column.text("data"));
    }

    @Override
    Object[] toRow(RecordingRecord r, long version) {
        return new Object[] {r.id(), r.type(), r.status(), version, encode(r.data())};
    }

    @Override
    RecordingRecord fromRow(Object[] row) {
        return new RecordingRecord((String) row[0], (String) row[1], (String) row[2], (Long) row[3], decode(row[4]));
    }

    @Override
    long versionOf(RecordingRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(RecordingRecord r) {
        return new Object[] {r.id()};
    }

    @Override
    String idOf(RecordingRecord r) {
        return r.id();
    }

    /** Stores a new row with version 1; fails with {@link DuplicateKeyException} ("recording already exists"). */
    public Future<RecordingRecord> create(RecordingRecord record) {
        return insert(pool, record);
    }

    /** Fails with {@link NotFoundException} ("no recording exists"). */
    public Future<RecordingRecord> get(String id) {
        return find(pool, id);
    }

    /** Sorted by id, filtered by a Kapacitor (path.Match) pattern, then offset and limit. */
    public Future<List<RecordingRecord>> list(String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of());
    }

    public Future<List<RecordingRecord>> listAll() {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of());
    }

    public Future<List<RecordingRecord>> listByStatus(String status) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("status"), status);
    }

    /** Optimistic update: {@link VersionConflictException} when the stored version is not {@code version()}. */
    public Future<RecordingRecord> update(RecordingRecord record) {
        return update(pool, record);
    }

    /** Whether a row was deleted. */
    public Future<Boolean> delete(String id) {
        return remove(pool, id);
    }
}
