package kapacitor.store;

class EmbeddedTaskRepositoryTest extends EmbeddedStoreTestBase implements TaskRepositoryContract {
}
