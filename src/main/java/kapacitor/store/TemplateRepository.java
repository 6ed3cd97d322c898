package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.List;

/** The {@code templates} table (Kapacitor's task_store templates). */
public final class TemplateRepository extends VersionedRepository<TemplateRecord> {

    TemplateRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "template");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "templates", 1, Table.Column.text("id"), Table.Column.text("type"),
            Table.Column.bigint("version"), Table.Column.text("data"));
    }

    @Override
    Object[] toRow(TemplateRecord r, long version) {
        return new Object[] {r.id(), r.type(), version, encode(r.data())};
    }

    @Override
    TemplateRecord fromRow(Object[] row) {
        return new TemplateRecord((String) row[0], (String) row[1], (Long) row[2], decode(row[3]));
    }

    @Override
    long versionOf(TemplateRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(TemplateRecord r) {
        return new Object[] {r.id()};
    }

    @Override
    String idOf(TemplateRecord r) {
        return r.id();
    }

    /** Fails with {@link DuplicateKeyException} ("template already exists"). */
    public Future<TemplateRecord> create(TemplateRecord template) {
        return insert(pool, template);
    }

    /** Fails with {@link NotFoundException} ("no template exists"). */
    public Future<TemplateRecord> get(String id) {
        return find(pool, id);
    }

    public Future<List<TemplateRecord>> list(String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of());
    }

    /** Optimistic update: {@link VersionConflictException} when the stored version is not {@code version()}. */
    public Future<TemplateRecord> update(TemplateRecord template) {
        return update(pool, template);
    }

    /**
     * Updates the template and its tasks in one transaction, so a template change and the re-compiled tasks are
     * stored together or not at all. Returns the saved template (next version); tasks are version-checked too.
     */
    public Future<TemplateRecord> updateWithTasks(TemplateRecord template, List<TaskRecord> tasks,
                                                  TaskRepository taskRepository) {
        return Transactions.run(pool, dialect, conn -> update(conn, template).compose(saved -> {
            Future<Void> chain = Future.succeededFuture();
            for (TaskRecord t : tasks) {
                chain = chain.compose(v -> taskRepository.update(conn, t).mapEmpty());
            }
            return chain.map(saved);
        }));
    }

    public Future<Boolean> delete(String id) {
        return remove(pool, id);
    }

    // Variants on a connection of Store.inTransaction, for managers combining several changes atomically.

    public Future<TemplateRecord> create(SqlClient tx, TemplateRecord record) {
        return insert(tx, record);
    }

    public Future<TemplateRecord> get(SqlClient tx, String id) {
        return find(tx, id);
    }

    @Override
    public Future<TemplateRecord> update(SqlClient tx, TemplateRecord record) {
        return super.update(tx, record);
    }

    public Future<Boolean> delete(SqlClient tx, String id) {
        return remove(tx, id);
    }
}
