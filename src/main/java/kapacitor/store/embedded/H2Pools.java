package kapacitor.store.embedded;

import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.nio.file.Path;

/**
 * The embedded default store: an H2 file database {@code <dataDir>/kapacitor} (H2 adds {@code .mv.db}) opened
 * through vertx-jdbc-client, which runs the blocking JDBC calls on worker threads behind the same
 * {@code io.vertx.sqlclient.Pool} API as PostgreSQL.
 */
public final class H2Pools {

    private H2Pools() {
    }

    /** The database path without H2's suffix. */
    public static Path databasePath(String dataDir) {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("kapacitor");
    }

    public static String jdbcUrl(String dataDir) {
        // MODE=PostgreSQL keeps the SQL portable; DATABASE_TO_LOWER makes row.getString("id") find H2's columns.
        return "jdbc:h2:file:" + databasePath(dataDir) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH";
    }

    public static Pool pool(Vertx vertx, String dataDir, int maxSize) {
        return JDBCPool.pool(vertx, new JDBCConnectOptions().setJdbcUrl(jdbcUrl(dataDir)),
            new PoolOptions().setMaxSize(maxSize));
    }
}
