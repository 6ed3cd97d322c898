package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.List;

/** The {@code tasks} table (Kapacitor's task_store tasks). */
public final class TaskRepository extends VersionedRepository<TaskRecord> {

    TaskRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "task");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "tasks", 1, Table.Column.text("id"), Table.Column.text("template_id"),
            Table.Column.text("type"), Table.Column.text("status"), Table.Column.bigint("version"),
            Table.Column.text("data"));
    }

    @Override
    Object[] toRow(TaskRecord r, long version) {
        return new Object[] {r.id(), r.templateId(), r.type(), r.status(), version, encode(r.data())};
    }

    @Override
    TaskRecord fromRow(Object[] row) {
        return new TaskRecord((String) row[0], (String) row[1], (String) row[2], (String) row[3], (Long) row[4],
            decode(row[5]));
    }

    /**
     * The inserted task without decoding the document it was just encoded from (a create's largest cost after the
     * round trip); its data is the argument's, not a copy.
     */
    @Override
    TaskRecord inserted(TaskRecord r, Object[] row) {
        return new TaskRecord(r.id(), r.templateId(), r.type(), r.status(), (Long) row[4],
            r.data() == null ? new JsonObject() : r.data());
    }

    @Override
    long versionOf(TaskRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(TaskRecord r) {
        return new Object[] {r.id()};
    }

    @Override
    String idOf(TaskRecord r) {
        return r.id();
    }

    /** Stores a new task with version 1; fails with {@link DuplicateKeyException} ("task already exists"). */
    public Future<TaskRecord> create(TaskRecord task) {
        return insert(pool, task);
    }

    /** Fails with {@link NotFoundException} ("no task exists"). */
    public Future<TaskRecord> get(String id) {
        return find(pool, id);
    }

    public Future<List<TaskRecord>> list(String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of());
    }

    public Future<List<TaskRecord>> listAll() {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of());
    }

    public Future<List<TaskRecord>> listByTemplate(String templateId) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("template_id"), templateId);
    }

    public Future<List<TaskRecord>> listByStatus(String status) {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of("status"), status);
    }

    /**
     * Overwrites the task if its stored version is still {@code task.version()}; returns it with the next
     * version. Fails with {@link VersionConflictException} or {@link NotFoundException}.
     */
    public Future<TaskRecord> update(TaskRecord task) {
        return update(pool, task);
    }

    /** Updates every task (each with its version check) in one transaction: all or nothing. */
    public Future<List<TaskRecord>> replaceAll(List<TaskRecord> tasks) {
        return Transactions.run(pool, dialect, conn -> {
            Future<List<TaskRecord>> chain = Future.succeededFuture(new ArrayList<>());
            for (TaskRecord t : tasks) {
                chain = chain.compose(done -> update(conn, t).map(saved -> {
                    done.add(saved);
                    return done;
                }));
            }
            return chain;
        });
    }

    /** Whether a task was deleted. */
    public Future<Boolean> delete(String id) {
        return remove(pool, id);
    }

    // Variants on a connection of Store.inTransaction, for managers combining several changes atomically.

    public Future<TaskRecord> create(SqlClient tx, TaskRecord record) {
        return insert(tx, record);
    }

    public Future<TaskRecord> get(SqlClient tx, String id) {
        return find(tx, id);
    }

    @Override
    public Future<TaskRecord> update(SqlClient tx, TaskRecord record) {
        return super.update(tx, record);
    }

    public Future<Boolean> delete(SqlClient tx, String id) {
        return remove(tx, id);
    }
}
