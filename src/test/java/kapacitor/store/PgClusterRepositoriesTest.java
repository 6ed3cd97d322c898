package kapacitor.store;

class PgClusterRepositoriesTest extends PgStoreTestBase implements ClusterRepositoriesContract {
}
