package kapacitor.app;

/** Every event-bus address the product uses, in one place (ARCHITECTURE.md §8). */
public final class Addresses {
    private Addresses() {
    }

    public static final String STORAGE_BACKUP = "kapacitor.storage.backup";
    public static final String STORAGE_LIST = "kapacitor.storage.list";
    public static final String STORAGE_ACTION = "kapacitor.storage.action";

    public static final String TASKS_CREATE = "kapacitor.tasks.create";
    public static final String TASKS_UPDATE = "kapacitor.tasks.update";
    public static final String TASKS_GET = "kapacitor.tasks.get";
    public static final String TASKS_LIST = "kapacitor.tasks.list";
    public static final String TASKS_DELETE = "kapacitor.tasks.delete";
    public static final String TASKS_HTTP_OUT = "kapacitor.tasks.httpout";
    public static final String TEMPLATES_CREATE = "kapacitor.templates.create";
    public static final String TEMPLATES_UPDATE = "kapacitor.templates.update";
    public static final String TEMPLATES_GET = "kapacitor.templates.get";
    public static final String TEMPLATES_LIST = "kapacitor.templates.list";
    public static final String TEMPLATES_DELETE = "kapacitor.templates.delete";
}
