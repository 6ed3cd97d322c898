package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * The storage API's whole-store operations: a restorable dump for {@code GET /kapacitor/v1/storage/backup}, its
 * restore, and the named stores of {@code /kapacitor/v1/storage/stores} with their rebuild action.
 * <p>
 * A dump is a JSON document {@code {"format": "kapacitor-store", "formatVersion": 1, "schemaVersion": N,
 * "tables": {"tasks": [{column: value, ...}], ...}}} holding every row of every table, JSON documents kept as
 * their stored text. It is the same for both backends, so a dump moves data between H2 and PostgreSQL.
 */
public final class StoreBackup {

    public static final String FORMAT = "kapacitor-store";
    public static final int FORMAT_VERSION = 1;

    /** Kapacitor's store names (services/storage registrations) and the tables behind each. */
    private static final List<String> STORE_NAMES = List.of("handler-specs", "overrides", "recordings", "replays",
        "tasks");

    private StoreBackup() {
    }

    /** Every row of every table, read in one transaction (repeatable read on PostgreSQL). */
    public static Future<Buffer> dump(Store store) {
        List<Table> tables = Store.tables(store.dialect());
        return Transactions.run(store.pool(), store.dialect(), conn -> {
            Future<Void> start = store.dialect() == Dialect.POSTGRES
                ? conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute().mapEmpty()
                : Future.succeededFuture();
            JsonObject out = new JsonObject();
            Future<Void> chain = start;
            for (Table t : tables) {
                chain = chain.compose(v -> t.selectAll(conn).map(rows -> {
                    out.put(t.name(), t.toJson(rows));
                    return null;
                }));
            }
            return chain.map(v -> out);
        }).map(tablesJson -> new JsonObject()
            .put("format", FORMAT)
            .put("formatVersion", FORMAT_VERSION)
            .put("schemaVersion", Migrations.latestVersion())
            .put("tables", tablesJson)
            .toBuffer());
    }

    /**
     * Replaces the whole content of the store with a dump, in one transaction: on any error nothing changes.
     * Fails with a {@link StoreException} for a document that is not a dump this build can read.
     */
    public static Future<Void> restore(Store store, Buffer dump) {
        List<Table> tables = Store.tables(store.dialect());
        List<List<Object[]>> rows = new ArrayList<>();
        try {
            JsonObject doc = dump.toJsonObject();
            if (!FORMAT.equals(doc.getString("format")) || !Integer.valueOf(FORMAT_VERSION)
                .equals(doc.getInteger("formatVersion"))) {
                throw new StoreException("not a store backup of format " + FORMAT + " version " + FORMAT_VERSION);
            }
            Integer schema = doc.getInteger("schemaVersion");
            if (schema == null || schema > Migrations.latestVersion()) {
                throw new StoreException("backup schema version " + schema + " is newer than this server's "
                    + Migrations.latestVersion());
            }
            JsonObject data = doc.getJsonObject("tables", new JsonObject());
            for (String name : data.fieldNames()) {
                if (tables.stream().noneMatch(t -> t.name().equals(name))) {
                    throw new StoreException("backup holds unknown table " + name);
                }
            }
            for (Table t : tables) {
                List<Object[]> tableRows = new ArrayList<>();
                JsonArray array = data.getJsonArray(t.name(), new JsonArray());
                for (int i = 0; i < array.size(); i++) {
                    tableRows.add(t.fromJson(array.getJsonObject(i)));
                }
                rows.add(tableRows);
            }
        } catch (DecodeException | ClassCastException e) {
            return Future.failedFuture(new StoreException("invalid store backup: " + e.getMessage(), e));
        } catch (StoreException e) {
            return Future.failedFuture(e);
        }
        return Transactions.run(store.pool(), store.dialect(), conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (Table t : tables) {
                chain = chain.compose(v -> t.delete(conn, List.of()).mapEmpty());
            }
            for (int i = 0; i < tables.size(); i++) {
                Table t = tables.get(i);
                List<Object[]> tableRows = rows.get(i);
                chain = chain.compose(v -> t.insertBatch(conn, tableRows));
            }
            return chain;
        }).recover(SqlErrors::translate);
    }

    /** The names listed by {@code GET /kapacitor/v1/storage/stores}, sorted. */
    public static List<String> storeNames() {
        return STORE_NAMES;
    }

    /**
     * Kapacitor's "rebuild" action: re-reads every row of the store's tables, re-encodes its JSON document (a row
     * that no longer decodes fails the rebuild and names itself), then rebuilds the tables' indexes. Fails with
     * {@link NotFoundException} for an unknown store name.
     */
    public static Future<Void> rebuild(Store store, String name) {
        List<Table> targets = tablesOf(store.dialect(), name);
        if (targets == null) {
            return Future.failedFuture(new NotFoundException("unknown storage \"" + name + "\""));
        }
        return Transactions.run(store.pool(), store.dialect(), conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (Table t : targets) {
                chain = chain.compose(v -> reencode(conn, t))
                    .compose(v -> conn.query(store.dialect().refreshIndexes(t.name())).execute().mapEmpty());
            }
            return chain;
        });
    }

    private static Future<Void> reencode(SqlConnection conn, Table table) {
        int data = table.indexOf("data");
        return table.selectAll(conn).compose(rows -> {
            Future<Void> chain = Future.succeededFuture();
            for (Object[] row : rows) {
                String text = (String) row[data];
                String canonical;
                try {
                    canonical = new JsonObject(text).encode();
                } catch (DecodeException e) {
                    return Future.failedFuture(new StoreException("row " + keyText(table, row) + " of "
                        + table.name() + " holds invalid JSON: " + e.getMessage(), e));
                }
                if (!canonical.equals(text)) {
                    Object[] updated = row.clone();
                    updated[data] = canonical;
                    long version = (Long) row[table.indexOf(Table.VERSION)];
                    chain = chain.compose(v -> table.updateIfVersion(conn, sameVersion(table, updated, version),
                        version).mapEmpty());
                }
            }
            return chain;
        });
    }

    /** Re-encoding does not change a document's meaning, so optimistic readers need not see a new version. */
    private static Object[] sameVersion(Table table, Object[] row, long version) {
        row[table.indexOf(Table.VERSION)] = version;
        return row;
    }

    private static String keyText(Table table, Object[] row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.keyCount(); i++) {
            parts.add(String.valueOf(row[i]));
        }
        return String.join("/", parts);
    }

    private static List<Table> tablesOf(Dialect dialect, String name) {
        switch (name) {
            case "tasks":
                // Kapacitor keeps templates in the task store's namespace.
                return List.of(TaskRepository.table(dialect), TemplateRepository.table(dialect));
            case "handler-specs":
                return List.of(HandlerSpecRepository.table(dialect));
            case "overrides":
                return List.of(OverrideRepository.table(dialect));
            case "recordings":
                return List.of(RecordingRepository.table(dialect));
            case "replays":
                return List.of(ReplayRepository.table(dialect));
            default:
                return null;
        }
    }
}
