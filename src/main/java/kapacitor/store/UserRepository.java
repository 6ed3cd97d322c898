package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;

/** The {@code users} table. */
public final class UserRepository extends VersionedRepository<UserRecord> {

    UserRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "user");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "users", 1, Table.Column.text("name"),
            Table.Column.bigint("version"), Table.Column.text("data"));
    }

    @Override
    Object[] toRow(UserRecord r, long version) {
        return new Object[] {r.name(), version, encode(r.data())};
    }

    @Override
    UserRecord fromRow(Object[] row) {
        return new UserRecord((String) row[0], (Long) row[1], decode(row[2]));
    }

    @Override
    long versionOf(UserRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(UserRecord r) {
        return new Object[] {r.name()};
    }

    @Override
    String idOf(UserRecord r) {
        return r.name();
    }

    /** Stores a new row with version 1; fails with {@link DuplicateKeyException} ("user already exists"). */
    public Future<UserRecord> create(UserRecord record) {
        return insert(pool, record);
    }

    /** Fails with {@link NotFoundException} ("no user exists"). */
    public Future<UserRecord> get(String name) {
        return find(pool, name);
    }

    /** Sorted by name, filtered by a Kapacitor (path.Match) pattern, then offset and limit. */
    public Future<List<UserRecord>> list(String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of());
    }

    public Future<List<UserRecord>> listAll() {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of());
    }

    /** Optimistic update: {@link VersionConflictException} when the stored version is not {@code version()}. */
    public Future<UserRecord> update(UserRecord record) {
        return update(pool, record);
    }

    /** Whether a row was deleted. */
    public Future<Boolean> delete(String name) {
        return remove(pool, name);
    }
}
