package kapacitor.store;

class PgTemplateRepositoryTest extends PgStoreTestBase implements TemplateRepositoryContract {
}
