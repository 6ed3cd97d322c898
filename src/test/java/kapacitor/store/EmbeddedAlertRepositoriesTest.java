package kapacitor.store;

class EmbeddedAlertRepositoriesTest extends EmbeddedStoreTestBase implements AlertRepositoriesContract {
}
