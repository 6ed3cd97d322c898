package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.store.pg.PgPools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgStoreLifecycleTest implements StoreTest {

    private Vertx vertx;
    private final String schema = PgTestDb.freshSchema();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(PgTestDb.dropSchema(vertx, schema));
        await(vertx.close());
    }

    @Override
    public Store store() {
        throw new UnsupportedOperationException("each test opens its own stores");
    }

    @Test
    void twoNodesStartingTogetherMigrateOnceAndBothWork() {
        Future<Store> a = Stores.open(vertx, PgTestDb.url(schema), null);
        Future<Store> b = Stores.open(vertx, PgTestDb.url(schema), null);
        Store first = await(a);
        Store second = await(b);
        try {
            assertEquals(Migrations.FILES.size(), await(first.pool().query(
                "SELECT COUNT(*) AS n FROM schema_version").execute()).iterator().next().getLong("n").intValue());
            await(first.users().create(new UserRecord("bob", 0, new JsonObject())));
            assertEquals("bob", await(second.users().get("bob")).name());
        } finally {
            await(first.close());
            await(second.close());
        }
    }

    @Test
    void postgresSchemeAndCurrentSchemaParameterSelectTheSameSchema() {
        Store s = await(Stores.open(vertx, "postgres://postgres@127.0.0.1:5432/test?currentSchema=" + schema, null));
        try {
            assertEquals(Dialect.POSTGRES, s.dialect());
            assertEquals(schema, await(s.pool().query("SELECT current_schema() AS s").execute())
                .iterator().next().getString("s"));
        } finally {
            await(s.close());
        }
    }

    @Test
    void anUnreachableServerFailsWithTheLocation() {
        Throwable e = failure(Stores.open(vertx, "postgresql://postgres:secret@127.0.0.1:1/test", null));
        assertInstanceOf(StoreException.class, e);
        assertTrue(e.getMessage().startsWith("cannot open store at postgresql://postgres:***@127.0.0.1:1/test: "),
            e.getMessage());
    }

    @Test
    void urlParametersBecomeTheSearchPath() {
        PgPools.Target t = PgPools.parse("postgresql://u:p@db.example:6543/kap?search_path=s1&application_name=k");
        assertEquals("s1", t.schema());
        assertEquals("s1", t.options().getProperties().get("search_path"));
        assertEquals("db.example", t.options().getHost());
        assertEquals(6543, t.options().getPort());
        assertEquals("kap", t.options().getDatabase());
        assertEquals("u", t.options().getUser());
        assertEquals("p", t.options().getPassword());
        assertNull(PgPools.parse("postgresql://127.0.0.1/test").schema());
        assertThrows(IllegalArgumentException.class, () -> PgPools.parse("postgresql://h/d?schema=a;drop"));
        assertEquals(List.of(true, false), List.of(PgPools.accepts("postgres://h/d"), PgPools.accepts("/var/lib")));
    }
}
