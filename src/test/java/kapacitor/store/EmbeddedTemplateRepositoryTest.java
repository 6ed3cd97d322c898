package kapacitor.store;

class EmbeddedTemplateRepositoryTest extends EmbeddedStoreTestBase implements TemplateRepositoryContract {
}
