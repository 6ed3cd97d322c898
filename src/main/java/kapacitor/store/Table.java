package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table's shape and the portable SQL over it. A row is an {@code Object[]} aligned with {@link #columns()}
 * (the first {@code keyCount} columns form the primary key). SQL is rendered per {@link Dialect} because
 * PostgreSQL numbers its placeholders and JDBC does not; every statement is otherwise the same text on both.
 * Immutable and thread-safe.
 */
final class Table {

    enum Type {
        TEXT("VARCHAR"), LONG("BIGINT"), BOOL("BOOLEAN");

        final String sql;

        Type(String sql) {
            this.sql = sql;
        }
    }

    record Column(String name, Type type) {
        static Column text(String name) {
            return new Column(name, Type.TEXT);
        }

        static Column bigint(String name) {
            return new Column(name, Type.LONG);
        }
    }

    static final String VERSION = "version";

    private final String name;
    private final List<Column> columns;
    private final int keyCount;
    private final Dialect dialect;
    private final String columnList;
    private final String insert;
    private final String selectAll;

    Table(Dialect dialect, String name, int keyCount, Column... columns) {
        this.dialect = dialect;
        this.name = name;
        this.columns = List.of(columns);
        this.keyCount = keyCount;
        this.columnList = this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.insert = "INSERT INTO " + name + " (" + columnList + ") VALUES (" + params(1, columns.length) + ")";
        this.selectAll = "SELECT " + columnList + " FROM " + name;
    }

    String name() {
        return name;
    }

    List<Column> columns() {
        return columns;
    }

    int keyCount() {
        return keyCount;
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }

    private String params(int from, int count) {
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ps.add(dialect.param(from + i));
        }
        return String.join(", ", ps);
    }

    private String where(List<String> names, int firstParam) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + " = " + dialect.param(firstParam + i));
        }
        return String.join(" AND ", parts);
    }

    private List<String> keyNames() {
        return columns.subList(0, keyCount).stream().map(Column::name).collect(Collectors.toList());
    }

    Object[] fromRow(Row row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            switch (c.type()) {
                case LONG:
                    values[i] = row.getLong(c.name());
                    break;
                case BOOL:
                    values[i] = row.getBoolean(c.name());
                    break;
                default:
                    values[i] = row.getString(c.name());
            }
        }
        return values;
    }

    private List<Object[]> rows(RowSet<Row> rs) {
        List<Object[]> out = new ArrayList<>(rs.size());
        for (Row row : rs) {
            out.add(fromRow(row));
        }
        return out;
    }

    Future<Void> insert(SqlClient client, Object[] values) {
        return client.preparedQuery(insert).execute(Tuple.from(values)).mapEmpty();
    }

    Future<Void> insertBatch(SqlClient client, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = rows.stream().map(Tuple::from).collect(Collectors.toList());
        return client.preparedQuery(insert).executeBatch(batch).mapEmpty();
    }

    /** The rows whose named columns equal the values (no names: every row). */
    Future<List<Object[]>> select(SqlClient client, List<String> names, Object... values) {
        if (names.isEmpty()) {
            return client.query(selectAll).execute().map(this::rows);
        }
        String sql = selectAll + " WHERE " + where(names, 1);
        return client.preparedQuery(sql).execute(Tuple.from(values)).map(this::rows);
    }

    Future<List<Object[]>> selectAll(SqlClient client) {
        return select(client, List.of());
    }

    /** Rows whose {@code column} starts with a literal prefix; a cheap pre-filter before glob matching in Java. */
    Future<List<Object[]>> selectPrefix(SqlClient client, String column, String prefix, List<String> names,
                                        Object... values) {
        if (prefix.isEmpty()) {
            return select(client, names, values);
        }
        StringBuilder like = new StringBuilder();
        for (char ch : prefix.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '!') {
                like.append('!');
            }
            like.append(ch);
        }
        like.append('%');
        String sql = selectAll + " WHERE " + column + " LIKE " + dialect.param(1) + " ESCAPE '!'"
            + (names.isEmpty() ? "" : " AND " + where(names, 2));
        Object[] params = new Object[values.length + 1];
        params[0] = like.toString();
        System.arraycopy(values, 0, params, 1, values.length);
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(this::rows);
    }

    Future<Object[]> get(SqlClient client, Object... key) {
        return select(client, keyNames(), key).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * Overwrites the non-key columns of the row with the same key if its version is {@code expectedVersion};
     * {@code values} carries the new version. Returns the number of rows changed (0 or 1).
     */
    Future<Integer> updateIfVersion(SqlClient client, Object[] values, long expectedVersion) {
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int i = keyCount; i < columns.size(); i++) {
            sets.add(columns.get(i).name() + " = " + dialect.param(sets.size() + 1));
            params.add(values[i]);
        }
        int next = params.size() + 1;
        String sql = "UPDATE " + name + " SET " + String.join(", ", sets) + " WHERE " + where(keyNames(), next)
            + " AND " + VERSION + " = " + dialect.param(next + keyCount);
        for (int i = 0; i < keyCount; i++) {
            params.add(values[i]);
        }
        params.add(expectedVersion);
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(RowSet::rowCount);
    }

    /**
     * Insert or overwrite by key in one statement. With {@code guardColumn}, an existing row is only overwritten
     * when its value in that (numeric) column is not greater than the new one. Returns the rows changed.
     */
    Future<Integer> merge(SqlClient client, Object[] values, String guardColumn) {
        // PostgreSQL types VALUES parameters as text unless told: cast each to its column type.
        List<String> casts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            casts.add("CAST(" + dialect.param(i + 1) + " AS " + columns.get(i).type().sql + ")");
        }
        List<String> on = new ArrayList<>();
        for (String k : keyNames()) {
            on.add("t." + k + " = s." + k);
        }
        List<String> sets = new ArrayList<>();
        for (int i = keyCount; i < columns.size(); i++) {
            String c = columns.get(i).name();
            // Every write of a versioned row moves its version on, so optimistic readers notice upserts too.
            sets.add(c + (c.equals(VERSION) ? " = t." + VERSION + " + 1" : " = s." + c));
        }
        String sql = "MERGE INTO " + name + " t USING (VALUES (" + String.join(", ", casts) + ")) AS s("
            + columnList + ") ON " + String.join(" AND ", on)
            + " WHEN MATCHED" + (guardColumn == null ? "" : " AND t." + guardColumn + " <= s." + guardColumn)
            + " THEN UPDATE SET " + String.join(", ", sets)
            + " WHEN NOT MATCHED THEN INSERT (" + columnList + ") VALUES ("
            + columns.stream().map(c -> "s." + c.name()).collect(Collectors.joining(", ")) + ")";
        return client.preparedQuery(sql).execute(Tuple.from(values)).map(RowSet::rowCount);
    }

    Future<Integer> delete(SqlClient client, List<String> names, Object... values) {
        String sql = "DELETE FROM " + name + (names.isEmpty() ? "" : " WHERE " + where(names, 1));
        return client.preparedQuery(sql).execute(Tuple.from(values)).map(RowSet::rowCount);
    }

    Future<Integer> deleteByKey(SqlClient client, Object... key) {
        return delete(client, keyNames(), key);
    }

    /** A row as JSON for backups: column name to value, the JSON document kept as its stored text. */
    JsonObject toJson(Object[] values) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < values.length; i++) {
            o.put(columns.get(i).name(), values[i]);
        }
        return o;
    }

    Object[] fromJson(JsonObject o) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            if (!o.containsKey(c.name())) {
                throw new StoreException("backup row of " + name + " lacks column " + c.name());
            }
            switch (c.type()) {
                case LONG:
                    values[i] = o.getLong(c.name());
                    break;
                case BOOL:
                    values[i] = o.getBoolean(c.name());
                    break;
                default:
                    values[i] = o.getString(c.name());
            }
        }
        return values;
    }

    JsonArray toJson(List<Object[]> rows) {
        JsonArray a = new JsonArray();
        rows.forEach(r -> a.add(toJson(r)));
        return a;
    }
}
