package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Runs a contract against PostgreSQL in a schema of its own. */
public abstract class PgStoreTestBase extends StoreTestBase {

    protected final String schema = PgTestDb.freshSchema();

    @Override
    protected Future<Store> openStore(Vertx vertx) {
        return Stores.open(vertx, PgTestDb.url(schema), null);
    }

    @Override
    protected void cleanUp() {
        await(PgTestDb.dropSchema(vertx, schema));
    }
}
