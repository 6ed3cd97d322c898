package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The {@code cluster_settings} table: named values shared by every node of a cluster, each set once by whichever
 * node stores it first. Left out of {@link Store#tables} on purpose, so a backup neither carries nor replaces them.
 */
public final class ClusterSettingsRepository {

    private final Pool pool;
    private final Dialect dialect;

    ClusterSettingsRepository(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /**
     * The value stored under {@code name}, storing {@code proposed} first when there is none. Nodes racing here all
     * get the first writer's value: a concurrent insert of the same name waits for the other transaction, then
     * does nothing.
     */
    public Future<String> claim(String name, String proposed) {
        String insert = "INSERT INTO cluster_settings (setting, setting_value) VALUES (" + dialect.param(1) + ", "
            + dialect.param(2) + ") ON CONFLICT DO NOTHING";
        String select = "SELECT setting_value FROM cluster_settings WHERE setting = " + dialect.param(1);
        return Transactions.run(pool, dialect, conn -> conn.preparedQuery(insert).execute(Tuple.of(name, proposed))
                .compose(v -> conn.preparedQuery(select).execute(Tuple.of(name))))
            .recover(SqlErrors::translate)
            .compose(ClusterSettingsRepository::single);
    }

    private static Future<String> single(RowSet<Row> rows) {
        if (rows.size() != 1) {
            return Future.failedFuture(new StoreException("cluster setting missing right after it was stored"));
        }
        return Future.succeededFuture(rows.iterator().next().getString(0));
    }
}
