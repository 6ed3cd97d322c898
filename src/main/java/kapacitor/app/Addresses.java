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

    /** GET /config: a ConfigQuery, answered with a ConfigSnapshot (merged, redacted) by ConfigManagerVerticle. */
    public static final String CONFIG_QUERY = "kapacitor.config.query";
    /** POST /config/...: a ConfigUpdate, answered with null once the override is stored. */
    public static final String CONFIG_UPDATE = "kapacitor.config.update";
    /**
     * In-JVM read of a section's live configuration: request with the section name (a String), reply
     * {@code {"section": name, "elements": [{option: value, ...}, ...]}}, unredacted, options by their API names
     * (as GET /config shows them; only smtp's "to-templates" differs from the TOML key), durations as Go strings,
     * Go nil slices/maps as null. Fails 404 for a section that cannot be overridden.
     */
    public static final String CONFIG_GET = "kapacitor.config.get";
    /**
     * Published after every successful config update, with the same body as a {@link #CONFIG_GET} reply for the
     * updated section: services that read that section apply the new elements.
     */
    public static final String CONFIG_CHANGED = "kapacitor.config.changed";

    /** Published (cluster-wide) after a task starts, stops or changes status: every node reconciles placement. */
    public static final String CLUSTER_TASKS_CHANGED = "kapacitor.cluster.tasks.changed";

    /** Clustered: small JSON commands ({@code {"op": "start"|"stop"|"stats"|"httpout", "task": id}}) to one node. */
    public static String nodeControl(String nodeId) {
        return "kapacitor.node." + nodeId + ".control";
    }

    /** Clustered: line protocol (a Buffer, headers db and rp) for the tasks that run on one node. */
    public static String nodeIngest(String nodeId) {
        return "kapacitor.node." + nodeId + ".ingest";
    }

    /** Alert API requests: an AlertCommands.Command, answered by AlertManagerVerticle with an AlertCommands.Reply. */
    public static final String ALERTS_COMMAND = "kapacitor.alerts.command";
    /**
     * Published with a task id (String) once a task is deleted: the alert service deletes the task's anonymous
     * topics and their stored states (Kapacitor's delete hook).
     */
    public static final String TASKS_DELETED = "kapacitor.tasks.deleted";

    /**
     * In-JVM tap of a running task's node: request with {@code {"task": id, "node": "http_out4", "tap": true|false}},
     * answered with the address ({@code kapacitor.task.<id>.tap.<node>}) where {@code runtime.TapFrame}s of what the
     * node receives are published; 404 when the task does not run on this node or has no such node.
     */
    public static final String TASKS_TAP = "kapacitor.tasks.tap";
    /** Users API (UserManagerVerticle): a user name (String), answered with an auth.StoredUser; 404 when none. */
    public static final String USERS_GET = "kapacitor.users.get";
    /** A service.users.UserCommands.ListUsers, answered with a UserCommands.UserList. */
    public static final String USERS_LIST = "kapacitor.users.list";
    /** A UserCommands.CreateUser, answered with the stored user. */
    public static final String USERS_CREATE = "kapacitor.users.create";
    /** A UserCommands.UpdateUser, answered with the stored user. */
    public static final String USERS_UPDATE = "kapacitor.users.update";
    /** A user name (String), answered with null once no such user is stored. */
    public static final String USERS_DELETE = "kapacitor.users.delete";
    /** Published (in this JVM) with a user name after the user is created, changed or deleted: caches drop it. */
    public static final String USERS_CHANGED = "kapacitor.users.changed";

    /**
     * POST /subscriptions: link the InfluxDB subscriptions of every enabled cluster now; answered with null, or
     * failed 500 with Kapacitor's "linking cluster NAME: ..." text (SubscriptionLinkerVerticle).
     */
    public static final String SUBSCRIPTIONS_LINK = "kapacitor.subscriptions.link";

    /** Clustered: {@link #SUBSCRIPTIONS_LINK} forwarded to the node that links the subscriptions of the cluster. */
    public static String nodeSubscriptionsLink(String nodeId) {
        return "kapacitor.node." + nodeId + ".subscriptions.link";
    }

    /** Recordings and replays API: a service.replay.ReplayCommands record, answered with a ReplayCommands.Reply. */
    public static final String REPLAY_COMMAND = "kapacitor.replay.command";
}
