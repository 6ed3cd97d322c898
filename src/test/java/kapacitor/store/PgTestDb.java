package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

import java.util.UUID;

/**
 * The test PostgreSQL: 127.0.0.1:5432, database {@code test}, user postgres, trust auth. Each test class works in
 * its own schema {@code t_<random>}, selected through the URL's {@code search_path}. An unreachable server fails
 * the tests (no skipping): the suite is meant to run against a real database.
 */
public final class PgTestDb {

    public static final String BASE_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private PgTestDb() {
    }

    public static String freshSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static String url(String schema) {
        return BASE_URL + "?search_path=" + schema;
    }

    /** Drops the schema and everything in it. */
    public static Future<Void> dropSchema(Vertx vertx, String schema) {
        Pool admin = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(BASE_URL)).using(vertx).build();
        return admin.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().<Void>mapEmpty()
            .eventually(admin::close);
    }
}
