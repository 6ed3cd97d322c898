package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

class EmbeddedStoreBackupTest extends EmbeddedStoreTestBase implements StoreBackupContract {

    @Override
    public Future<Store> openOtherStore(Vertx vertx) {
        return Stores.open(vertx, null, dataDir.resolve("other").toString());
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }
}
