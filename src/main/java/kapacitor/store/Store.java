package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.function.Function;

/**
 * An open store: the pool, its dialect and one repository per entity. All repositories are thread-safe and may be
 * shared by every verticle of the process. Obtain one from {@link Stores#open}.
 */
public final class Store {

    private final Pool pool;
    private final Dialect dialect;
    private final String location;
    private final TaskRepository tasks;
    private final TemplateRepository templates;
    private final RecordingRepository recordings;
    private final ReplayRepository replays;
    private final EventStateRepository eventStates;
    private final HandlerSpecRepository handlerSpecs;
    private final OverrideRepository overrides;
    private final UserRepository users;
    private final FluxTaskRepository fluxTasks;
    private final FluxRunRepository fluxRuns;
    private final FluxLogRepository fluxLogs;
    private final SnapshotRepository snapshots;
    private final LeaseRepository leases;
    private final ClusterSettingsRepository clusterSettings;

    Store(Pool pool, Dialect dialect, String location) {
        this.pool = pool;
        this.dialect = dialect;
        this.location = location;
        this.tasks = new TaskRepository(pool, dialect);
        this.templates = new TemplateRepository(pool, dialect);
        this.recordings = new RecordingRepository(pool, dialect);
        this.replays = new ReplayRepository(pool, dialect);
        this.eventStates = new EventStateRepository(pool, dialect);
        this.handlerSpecs = new HandlerSpecRepository(pool, dialect);
        this.overrides = new OverrideRepository(pool, dialect);
        this.users = new UserRepository(pool, dialect);
        this.fluxTasks = new FluxTaskRepository(pool, dialect);
        this.fluxRuns = new FluxRunRepository(pool, dialect);
        this.fluxLogs = new FluxLogRepository(pool, dialect);
        this.snapshots = new SnapshotRepository(pool, dialect);
        this.leases = new LeaseRepository(pool, dialect);
        this.clusterSettings = new ClusterSettingsRepository(pool, dialect);
    }

    /** Every table, in an order where restoring rows one table after another never breaks a reference. */
    static List<Table> tables(Dialect dialect) {
        return List.of(TaskRepository.table(dialect), TemplateRepository.table(dialect),
            RecordingRepository.table(dialect), ReplayRepository.table(dialect), EventStateRepository.table(dialect),
            HandlerSpecRepository.table(dialect), OverrideRepository.table(dialect), UserRepository.table(dialect),
            FluxTaskRepository.table(dialect), FluxRunRepository.table(dialect), FluxLogRepository.table(dialect),
            SnapshotRepository.table(dialect), LeaseRepository.table(dialect));
    }

    public Pool pool() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the data lives (URL without password, or the H2 file path), for logs and messages. */
    public String location() {
        return location;
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public TemplateRepository templates() {
        return templates;
    }

    public RecordingRepository recordings() {
        return recordings;
    }

    public ReplayRepository replays() {
        return replays;
    }

    public EventStateRepository eventStates() {
        return eventStates;
    }

    public HandlerSpecRepository handlerSpecs() {
        return handlerSpecs;
    }

    public OverrideRepository overrides() {
        return overrides;
    }

    public UserRepository users() {
        return users;
    }

    public FluxTaskRepository fluxTasks() {
        return fluxTasks;
    }

    public FluxRunRepository fluxRuns() {
        return fluxRuns;
    }

    public FluxLogRepository fluxLogs() {
        return fluxLogs;
    }

    public SnapshotRepository snapshots() {
        return snapshots;
    }

    public LeaseRepository leases() {
        return leases;
    }

    public ClusterSettingsRepository clusterSettings() {
        return clusterSettings;
    }

    /**
     * Runs work in one transaction. Use this, not {@code pool().withTransaction}: see {@link Transactions} for the
     * H2 client defect it avoids.
     */
    public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
        return Transactions.run(pool, dialect, work);
    }

    public Future<Void> close() {
        return pool.close();
    }
}
