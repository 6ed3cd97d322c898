package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import kapacitor.store.embedded.H2Pools;
import kapacitor.store.pg.PgPools;

/**
 * Opens the store: PostgreSQL when the storage URL is a {@code postgresql://} (or {@code postgres://}) URL,
 * otherwise the embedded H2 file database in {@code dataDir}. Checks the database answers and migrates its schema
 * before handing the store out.
 */
public final class Stores {

    public static final int DEFAULT_POOL_SIZE = 8;

    private Stores() {
    }

    public static Future<Store> open(Vertx vertx, String storageUrl, String dataDir) {
        return open(vertx, storageUrl, dataDir, DEFAULT_POOL_SIZE);
    }

    /** Fails with a {@link StoreException} "cannot open store at LOCATION: reason" when unusable. */
    public static Future<Store> open(Vertx vertx, String storageUrl, String dataDir, int poolSize) {
        if (PgPools.accepts(storageUrl)) {
            String location = PgPools.redact(storageUrl);
            PgPools.Target target;
            try {
                target = PgPools.parse(storageUrl);
            } catch (RuntimeException e) {
                return Future.failedFuture(new StoreException("cannot open store at " + location + ": "
                    + e.getMessage(), e));
            }
            Pool pool = PgPools.pool(vertx, target, poolSize);
            Future<Void> schema = target.schema() == null
                ? Future.succeededFuture()
                : createSchema(pool, target.schema());
            return ready(pool, Dialect.POSTGRES, location, schema);
        }
        if (dataDir == null || dataDir.isEmpty()) {
            return Future.failedFuture(new StoreException("cannot open store: no storage URL and no data dir"));
        }
        String location = H2Pools.databasePath(dataDir).toString();
        return vertx.fileSystem().mkdirs(H2Pools.databasePath(dataDir).getParent().toString())
            .recover(e -> Future.failedFuture(new StoreException("cannot open store at " + location + ": "
                + e.getMessage(), e)))
            .compose(v -> ready(H2Pools.pool(vertx, dataDir, poolSize), Dialect.H2, location,
                Future.succeededFuture()));
    }

    private static Future<Void> createSchema(Pool pool, String schema) {
        // Several nodes may race here; a concurrent creator's unique violation means the schema exists.
        return pool.query("CREATE SCHEMA IF NOT EXISTS " + schema).execute().<Void>mapEmpty()
            .recover(e -> SqlErrors.UNIQUE_VIOLATION.equals(SqlErrors.sqlState(e))
                ? Future.succeededFuture()
                : Future.failedFuture(e));
    }

    private static Future<Store> ready(Pool pool, Dialect dialect, String location, Future<Void> prepared) {
        return prepared
            .compose(v -> Migrations.run(pool, dialect))
            .map(applied -> new Store(pool, dialect, location))
            .recover(e -> pool.close().transform(closed -> Future.failedFuture(
                new StoreException("cannot open store at " + location + ": " + reason(e), e))));
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
