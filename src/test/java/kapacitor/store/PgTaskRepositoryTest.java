package kapacitor.store;

class PgTaskRepositoryTest extends PgStoreTestBase implements TaskRepositoryContract {
}
