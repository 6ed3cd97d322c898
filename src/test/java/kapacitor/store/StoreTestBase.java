package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

/** One store per test class, emptied before each test so tests never see each other's rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreTestBase implements StoreTest {

    protected Vertx vertx;
    private Store store;

    /** Opens a fresh store for this class. */
    protected abstract Future<Store> openStore(Vertx vertx);

    /** Releases what {@link #openStore} made (schema, directory) after the store is closed. */
    protected abstract void cleanUp();

    @BeforeAll
    void openAll() {
        vertx = Vertx.vertx();
        store = await(openStore(vertx));
    }

    @AfterAll
    void closeAll() {
        try {
            if (store != null) {
                await(store.close());
            }
            cleanUp();
        } finally {
            await(vertx.close());
        }
    }

    @BeforeEach
    void emptyTables() {
        List<Table> tables = Store.tables(store.dialect());
        for (Table t : tables) {
            await(t.delete(store.pool(), List.of()));
        }
    }

    @Override
    public Store store() {
        return store;
    }
}
