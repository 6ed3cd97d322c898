package kapacitor.store;

class EmbeddedSimpleRepositoriesTest extends EmbeddedStoreTestBase implements SimpleRepositoriesContract {
}
