package kapacitor.store;

class EmbeddedClusterRepositoriesTest extends EmbeddedStoreTestBase implements ClusterRepositoriesContract {
}
