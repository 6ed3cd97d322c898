package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import kapacitor.util.Glob;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The common create / get / update / delete / list of a table of documents with a {@code version} column for
 * optimistic locking. Subclasses map their record type to a row. Thread-safe (stateless over the pool).
 */
abstract class VersionedRepository<R> {

    protected final Pool pool;
    protected final Dialect dialect;
    protected final Table table;
    private final String entity;
    private final int versionIndex;

    VersionedRepository(Pool pool, Dialect dialect, Table table, String entity) {
        this.pool = pool;
        this.dialect = dialect;
        this.table = table;
        this.entity = entity;
        this.versionIndex = table.indexOf(Table.VERSION);
    }

    /** The row for {@code record}, with {@code version} in the version column. */
    abstract Object[] toRow(R record, long version);

    abstract R fromRow(Object[] row);

    abstract long versionOf(R record);

    /** The primary key values of {@code record}, in key column order. */
    abstract Object[] keyOf(R record);

    /** The column Kapacitor's list patterns apply to (the id). */
    abstract String idOf(R record);

    String noSuchMessage() {
        return "no " + entity + " exists";
    }

    String duplicateMessage() {
        return entity + " already exists";
    }

    static String encode(JsonObject data) {
        return (data == null ? new JsonObject() : data).encode();
    }

    static JsonObject decode(Object text) {
        return new JsonObject((String) text);
    }

    Future<R> insert(SqlClient client, R record) {
        Object[] row = toRow(record, 1L);
        return table.insert(client, row)
            .map(v -> inserted(record, row))
            .recover(e -> SqlErrors.translate(e, duplicateMessage()));
    }

    /** What {@link #insert} answers: the record as stored, with version 1; by default read back from its row. */
    R inserted(R record, Object[] row) {
        return fromRow(row);
    }

    Future<R> find(SqlClient client, Object... key) {
        return table.get(client, key)
            .recover(SqlErrors::translate)
            .compose(row -> row == null
                ? Future.failedFuture(new NotFoundException(noSuchMessage()))
                : Future.succeededFuture(fromRow(row)));
    }

    Future<R> update(SqlClient client, R record) {
        long expected = versionOf(record);
        Object[] row = toRow(record, expected + 1);
        return table.updateIfVersion(client, row, expected)
            .recover(e -> SqlErrors.translate(e, duplicateMessage()))
            .compose(changed -> changed > 0 ? Future.succeededFuture(fromRow(row)) : whyNotUpdated(client, record));
    }

    private Future<R> whyNotUpdated(SqlClient client, R record) {
        return table.get(client, keyOf(record)).compose(current -> current == null
            ? Future.failedFuture(new NotFoundException(noSuchMessage()))
            : Future.failedFuture(new VersionConflictException(entity + " " + idOf(record)
                + " was changed concurrently (expected version " + versionOf(record) + ", found "
                + current[versionIndex] + ")")));
    }

    Future<Boolean> remove(SqlClient client, Object... key) {
        return table.deleteByKey(client, key).map(n -> n > 0).recover(SqlErrors::translate);
    }

    /**
     * Kapacitor's listing: sorted by id, filtered by a path.Match pattern (empty: all), then {@code offset}
     * matches skipped and at most {@code limit} returned (a limit of 0 or less returns nothing, as in Kapacitor).
     * {@code names}/{@code values} optionally restrict the rows by column equality first.
     */
    Future<List<R>> list(SqlClient client, String pattern, int offset, int limit, List<String> names,
                         Object... values) {
        if (limit <= 0) {
            return Future.succeededFuture(List.of());
        }
        String idColumn = table.columns().get(idColumnIndex()).name();
        String prefix = literalPrefix(pattern == null ? "" : pattern);
        return table.selectPrefix(client, idColumn, prefix, names, values)
            .recover(SqlErrors::translate)
            .map(rows -> page(rows, pattern, offset, limit));
    }

    /** Index of the id column among the table's columns; the last key column by default. */
    int idColumnIndex() {
        return table.keyCount() - 1;
    }

    private List<R> page(List<Object[]> rows, String pattern, int offset, int limit) {
        List<R> records = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            records.add(fromRow(row));
        }
        records.sort(Comparator.comparing((Function<R, String>) this::idOf));
        List<R> out = new ArrayList<>();
        int matched = 0;
        for (R r : records) {
            if (!Glob.matchesOrEmpty(pattern, idOf(r))) {
                continue;
            }
            matched++;
            if (matched <= offset) {
                continue;
            }
            out.add(r);
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /** The part of a pattern before its first special character, used to narrow the SQL scan. */
    static String literalPrefix(String pattern) {
        int i = 0;
        while (i < pattern.length() && "*?[\\".indexOf(pattern.charAt(i)) < 0) {
            i++;
        }
        return pattern.substring(0, i);
    }
}
