package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

class PgStoreBackupTest extends PgStoreTestBase implements StoreBackupContract {

    private final List<String> otherSchemas = new ArrayList<>();

    @Override
    public Future<Store> openOtherStore(Vertx vertx) {
        String other = PgTestDb.freshSchema();
        otherSchemas.add(other);
        return Stores.open(vertx, PgTestDb.url(other), null);
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    protected void cleanUp() {
        super.cleanUp();
        otherSchemas.forEach(s -> await(PgTestDb.dropSchema(vertx, s)));
    }
}
