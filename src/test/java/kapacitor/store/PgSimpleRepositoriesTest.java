package kapacitor.store;

class PgSimpleRepositoriesTest extends PgStoreTestBase implements SimpleRepositoriesContract {
}
