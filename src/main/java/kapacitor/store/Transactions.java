package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * Runs work in one transaction on either backend. Use this instead of {@code Pool.withTransaction} on a store.
 * <p>
 * vertx-jdbc-client 5.0.7 ends every transaction with {@code setAutoCommit(false)} (see its {@code JDBCTxOp}), so a
 * pooled H2 connection comes back in manual-commit mode: later plain statements on it are never committed and the
 * next rollback on it discards them. On H2 we therefore drive the transaction with H2's own SQL commands and leave
 * the connection in auto-commit mode; PostgreSQL uses the client's transaction support.
 */
public final class Transactions {

    private Transactions() {
    }

    public static <T> Future<T> run(Pool pool, Dialect dialect, Function<SqlConnection, Future<T>> work) {
        if (dialect == Dialect.POSTGRES) {
            return pool.withTransaction(work);
        }
        return pool.getConnection().compose(conn -> onConnection(conn, work).eventually(conn::close));
    }

    /** Runs work in a transaction on a connection the caller already holds (and will close). */
    public static <T> Future<T> onConnection(SqlConnection conn, Dialect dialect,
                                             Function<SqlConnection, Future<T>> work) {
        if (dialect == Dialect.POSTGRES) {
            return conn.begin().compose(tx -> work.apply(conn)
                .compose(result -> tx.commit().map(result),
                    error -> tx.rollback().transform(r -> Future.<T>failedFuture(error))));
        }
        return onConnection(conn, work);
    }

    private static <T> Future<T> onConnection(SqlConnection conn, Function<SqlConnection, Future<T>> work) {
        return conn.query("SET AUTOCOMMIT FALSE").execute()
            .compose(v -> {
                Future<T> result;
                try {
                    result = work.apply(conn);
                } catch (RuntimeException e) {
                    result = Future.failedFuture(e);
                }
                return result;
            })
            .compose(result -> conn.query("COMMIT").execute().map(result),
                error -> conn.query("ROLLBACK").execute().transform(r -> Future.<T>failedFuture(error)))
            .eventually(() -> conn.query("SET AUTOCOMMIT TRUE").execute());
    }
}
