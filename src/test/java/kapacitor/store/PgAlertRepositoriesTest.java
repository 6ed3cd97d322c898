package kapacitor.store;

class PgAlertRepositoriesTest extends PgStoreTestBase implements AlertRepositoriesContract {
}
