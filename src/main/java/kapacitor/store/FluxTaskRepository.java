package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;

/** The {@code flux_tasks} table. */
public final class FluxTaskRepository extends VersionedRepository<FluxTaskRecord> {

    FluxTaskRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "task");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "flux_tasks", 1, Table.Column.text("id"),
            Table.Column.text("name"), Table.Column.text("status"),
            Table.Column.bigint("version"), Table.Column.text("data"));
    }

    @Override
    Object[] toRow(FluxTaskRecord r, long version) {
        return new Object[] {r.id(), r.name(), r.status(), version, encode(r.data())};
    }

    @Override
    FluxTaskRecord fromRow(Object[] row) {
        return new FluxTaskRecord((String) row[0], (String) row[1], (String) row[2], (Long) row[3], decode(row[4]));
    }

    @Override
    long versionOf(FluxTaskRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(FluxTaskRecord r) {
        return new Object[] {r.id()};
    }

    @Override
    String idOf(FluxTaskRecord r) {
        return r.id();
    }

    /** Stores a new row with version 1; fails with {@link DuplicateKeyException} ("task already exists"). */
    public Future<FluxTaskRecord> create(FluxTaskRecord record) {
        return insert(pool, record);
    }

    /** Fails with {@link NotFoundException} ("no task exists"). */
    public Future<FluxTaskRecord> get(String id) {
        return find(pool, id);
    }

    /** Sorted by id, filtered by a Kapacitor (path.Match) pattern, then offset and limit. */
    public Future<List<FluxTaskRecord>> list(String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of());
    }

    public Future<List<FluxTaskRecord>> listAll() {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of());
    }

    public Future<List<FluxTaskRecord>> listByStatus(String status) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("status"), status);
    }

    /** Optimistic update: {@link VersionConflictException} when the stored version is not {@code version()}. */
    public Future<FluxTaskRecord> update(FluxTaskRecord record) {
        return update(pool, record);
    }

    /** Whether a row was deleted. */
    public Future<Boolean> delete(String id) {
        return remove(pool, id);
    }
}
