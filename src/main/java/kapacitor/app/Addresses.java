package kapacitor.app;

/** Every event-bus address the product uses, in one place (ARCHITECTURE.md §8). */
public final class Addresses {
    private Addresses() {
    }

    public static final String STORAGE_BACKUP = "kapacitor.storage.backup";
    public static final String STORAGE_LIST = "kapacitor.storage.list";
    public static final String STORAGE_ACTION = "kapacitor.storage.action";
}
