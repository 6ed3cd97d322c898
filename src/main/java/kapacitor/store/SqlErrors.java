package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;

import java.sql.SQLException;

/**
 * The single place that reads SQLSTATE codes. vertx-pg-client fails with a {@code PgException}
 * ({@link DatabaseException#getSqlState()}); vertx-jdbc-client over H2 fails with the driver's
 * {@link SQLException} (e.g. {@code JdbcSQLIntegrityConstraintViolationException}, SQLState 23505).
 */
public final class SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** For {@code .recover(SqlErrors::translate)}: typed store exceptions pass through, SQL errors are mapped. */
    public static <T> Future<T> translate(Throwable error) {
        return Future.failedFuture(map(error, "object already exists"));
    }

    /** Like {@link #translate(Throwable)}, naming the entity in the duplicate-key message. */
    public static <T> Future<T> translate(Throwable error, String duplicateMessage) {
        return Future.failedFuture(map(error, duplicateMessage));
    }

    static Throwable map(Throwable error, String duplicateMessage) {
        if (error instanceof StoreException) {
            return error;
        }
        String state = sqlState(error);
        if (UNIQUE_VIOLATION.equals(state)) {
            return new DuplicateKeyException(duplicateMessage, error);
        }
        return error;
    }

    /** The SQLSTATE of the first exception in the cause chain that carries one, or null. */
    public static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException && ((DatabaseException) t).getSqlState() != null) {
                return ((DatabaseException) t).getSqlState();
            }
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
