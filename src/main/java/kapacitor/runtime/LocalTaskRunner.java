package kapacitor.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.model.Point;
import kapacitor.model.TaskType;
import kapacitor.pipeline.NodeDef;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.RoutingTable;
import kapacitor.runtime.ingest.TaskInbox;
import kapacitor.runtime.operator.NodeServices;
import kapacitor.runtime.time.TaskClock;
import kapacitor.runtime.time.VertxClock;

import java.nio.file.Path;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs tasks on this node: one {@link TaskVerticle} per task, and after every start or stop a new routing table for
 * the {@link IngestRouter} so points reach exactly the running tasks.
 */
public final class LocalTaskRunner implements TaskRunner {
    /** Frames a task may have queued before new ones are dropped for it. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    /** A running task; its route is computed once at start (walking a pipeline per start made n starts O(n²)). */
    private record Running(TaskSpec spec, TaskInbox inbox, TaskVerticle verticle, String deploymentId,
                           RoutingTable.Route route) {
    }

    private final Vertx vertx;
    private final IngestRouter router;
    private final int maxInFlight;
    private final NodeServices services;
    private final Function<Vertx, TaskClock> clocks;
    private final long groupIdleTimeout;
    /** {@code [task] operator-chaining}: tasks started from now on call their operators directly. */
    private volatile boolean operatorChaining;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    /** What this runner last installed in the router: the routes of the running stream tasks. */
    private RoutingTable routes = RoutingTable.EMPTY;
    /** Replay copies by their address prefix (unique per copy, even for two replays with one id). */
    private final Map<String, ReplayRun> replays = new ConcurrentHashMap<>();
    private final AtomicLong replaySeq = new AtomicLong();

    /** Frames a replay may have queued before it waits for its task copy (a replay never drops points). */
    private static final int REPLAY_IN_FLIGHT = 64;

    /**
     * A copy of a task that a replay feeds instead of live writes (Kapacitor runs it in a task master of its own):
     * it is in no routing table, its bus addresses are its own so the live task may run beside it, and its outputs
     * (alerts, httpOut, httpPost...) name the task as the task's would.
     */
    public final class ReplayRun {
        private final String replayId;
        private final String prefix;
        private final TaskSpec spec;
        private final TaskInbox inbox;
        private final TaskVerticle verticle;
        private volatile String deploymentId;
        private volatile boolean stopped;

        private ReplayRun(String replayId, String prefix, TaskSpec spec, TaskInbox inbox, TaskVerticle verticle) {
            this.replayId = replayId;
            this.prefix = prefix;
            this.spec = spec;
            this.inbox = inbox;
            this.verticle = verticle;
        }

        public String replayId() {
            return replayId;
        }

        public TaskSpec spec() {
            return spec;
        }

        /** The prefix of the copy's inbox and edge addresses. */
        public String addressPrefix() {
            return prefix;
        }

        /** Sends points to the copy; false, nothing sent, while it is too far behind (retry later). */
        public boolean offer(String db, String rp, List<Point> points) {
            return router.offer(inbox, db, rp, points);
        }

        /**
         * How many query nodes a batch task's copy has (Kapacitor's batch collectors; 0 for a stream task): a batch
         * replay feeds one source of batches to each, in the order {@link #collect} numbers them.
         */
        public int batchCollectors() {
            return spec.type() == TaskType.BATCH ? spec.pipeline().source().children().size() : 0;
        }

        /**
         * Sends recorded batches to the copy's query node number {@code query}, which passes them on as if it had
         * queried them; completes once that node has taken them (what follows runs on, see {@link #idle}).
         */
        public Future<Void> collect(int query, List<BatchMessage> batches) {
            return verticle.collectBatches(query, batches);
        }

        /** True once the copy processed everything offered so far. */
        public Future<Boolean> idle() {
            return verticle.idle();
        }

        public Future<TaskStats> stats() {
            return verticle.stats();
        }

        /** False once the copy was told to stop (the replay is ending). */
        public boolean isExecuting() {
            return !stopped;
        }

        public Future<Void> stop() {
            stopped = true;
            replays.remove(prefix, this);
            return vertx.undeploy(deploymentId);
        }
    }

    public LocalTaskRunner(Vertx vertx, IngestRouter router) {
        this(vertx, router, DEFAULT_MAX_IN_FLIGHT);
    }

    public LocalTaskRunner(Vertx vertx, IngestRouter router, int maxInFlight) {
        this(vertx, router, maxInFlight, List.of(), Map.of());
    }

    /**
     * With the {@code [sideload]} directories and the {@code [[httppost]]} endpoints nodes may use;
     * kapacitorLoopback writes into {@code router}.
     */
    public LocalTaskRunner(Vertx vertx, IngestRouter router, int maxInFlight, List<Path> sideloadDirs,
                           Map<String, NodeServices.HttpPostEndpoint> httpPostEndpoints) {
        this(vertx, router, maxInFlight, sideloadDirs, httpPostEndpoints, InfluxDBClusters.NONE, VertxClock::new, 0);
    }

    /** With the {@code [task] group-idle-timeout} in nanoseconds (0 = off). */
    public LocalTaskRunner(Vertx vertx, IngestRouter router, int maxInFlight, List<Path> sideloadDirs,
                           Map<String, NodeServices.HttpPostEndpoint> httpPostEndpoints, long groupIdleTimeout) {
        this(vertx, router, maxInFlight, sideloadDirs, httpPostEndpoints, InfluxDBClusters.NONE, VertxClock::new,
            groupIdleTimeout);
    }

    public LocalTaskRunner(Vertx vertx, IngestRouter router, int maxInFlight, List<Path> sideloadDirs,
                           Map<String, NodeServices.HttpPostEndpoint> httpPostEndpoints, InfluxDBClusters influxdb,
                           Function<Vertx, TaskClock> clocks) {
        this(vertx, router, maxInFlight, sideloadDirs, httpPostEndpoints, influxdb, clocks, 0);
    }

    /**
     * Also with the {@code [[influxdb]]} clusters batch queries and influxDBOut use, the clock of the tasks' timers
     * (called on each task's context when it starts; tests pass one they drive), and the {@code [task]
     * group-idle-timeout} in nanoseconds: a group of a task's from() node that receives no point for that long (wall
     * clock) is deleted through the task; 0 keeps groups as long as the task runs.
     */
    public LocalTaskRunner(Vertx vertx, IngestRouter router, int maxInFlight, List<Path> sideloadDirs,
                           Map<String, NodeServices.HttpPostEndpoint> httpPostEndpoints, InfluxDBClusters influxdb,
                           Function<Vertx, TaskClock> clocks, long groupIdleTimeout) {
        if (groupIdleTimeout < 0) {
            throw new IllegalArgumentException("group-idle-timeout must not be negative");
        }
        this.groupIdleTimeout = groupIdleTimeout;
        this.vertx = vertx;
        this.router = router;
        this.maxInFlight = maxInFlight;
        this.services = new NodeServices(List.of(), sideloadDirs, httpPostEndpoints, router::route, influxdb);
        this.clocks = clocks;
    }

    public static String inboxAddress(String taskId) {
        return TaskVerticle.addressPrefix(taskId) + "in";
    }

    /** The bus address prefix of replay {@code replayId}'s copy number {@code seq} (the sequence keeps copies apart). */
    public static String replayAddressPrefix(String replayId, long seq) {
        return "kapacitor.replay." + replayId + "." + seq + ".";
    }

    /**
     * Starts replay {@code replayId}'s copy of {@code spec}. The copy keeps the task's id (alert ids, messages and
     * httpOut paths name the task, as in Kapacitor) but has bus addresses of its own, so it runs whether or not the
     * task is executing, as a replay's task master does beside the main one.
     */
    public Future<ReplayRun> startReplay(String replayId, TaskSpec spec) {
        String prefix = replayAddressPrefix(replayId, replaySeq.incrementAndGet());
        TaskInbox inbox = new TaskInbox(spec.id(), prefix + "in", REPLAY_IN_FLIGHT);
        TaskVerticle verticle = new TaskVerticle(spec, inbox, services, clocks, groupIdleTimeout, prefix, replayId)
            .operatorChaining(operatorChaining).fedBatches(spec.type() == TaskType.BATCH);
        ReplayRun run = new ReplayRun(replayId, prefix, spec, inbox, verticle);
        return vertx.deployVerticle(verticle).map(id -> {
            run.deploymentId = id;
            replays.put(prefix, run);
            return run;
        });
    }

    /** The {@code [[influxdb]]} clusters this node's tasks query; recordings of batch data query them too. */
    public InfluxDBClusters influxdb() {
        return services.influxdb();
    }

    /** Tasks started after this call chain their operators ({@link TaskVerticle#operatorChaining}). */
    public LocalTaskRunner operatorChaining(boolean on) {
        this.operatorChaining = on;
        return this;
    }

    @Override
    public Future<Void> start(TaskSpec spec) {
        if (running.containsKey(spec.id()) || !starting.add(spec.id())) {
            return Future.failedFuture("task " + spec.id() + " is already executing");
        }
        TaskInbox inbox = new TaskInbox(spec.id(), inboxAddress(spec.id()), maxInFlight);
        TaskVerticle verticle = new TaskVerticle(spec, inbox, services, clocks, groupIdleTimeout)
            .operatorChaining(operatorChaining);
        RoutingTable.Route route = new RoutingTable.Route(inbox, List.copyOf(spec.dbrps()), measurements(spec));
        return vertx.deployVerticle(verticle).<Void>map(id -> {
            added(new Running(spec, inbox, verticle, id, route));
            return null;
        }).onComplete(ar -> starting.remove(spec.id()));
    }

    @Override
    public Future<Void> stop(String taskId) {
        Running r = removed(taskId);
        if (r == null) {
            return Future.succeededFuture();
        }
        return vertx.undeploy(r.deploymentId());
    }

    @Override
    public boolean isExecuting(String taskId) {
        return running.containsKey(taskId);
    }

    @Override
    public Future<TaskStats> stats(String taskId) {
        Running r = running.get(taskId);
        if (r == null) {
            return notFound("task " + taskId + " is not running");
        }
        return r.verticle().stats();
    }

    @Override
    public Future<Buffer> httpOut(String taskId, String name) {
        Running r = running.get(taskId);
        ReplayRun replay = r != null ? null : replays.values().stream()
            .filter(c -> c.spec.id().equals(taskId)).findFirst().orElse(null);
        if (r == null && replay == null) {
            return notFound("no endpoint " + name + " for task " + taskId);
        }
        // A replayed copy serves its endpoints while it runs, as a replay's task master does in Kapacitor.
        return (r != null ? r.verticle() : replay.verticle).httpOut(name).compose(json -> json == null
            ? notFound("no endpoint " + name + " for task " + taskId)
            : Future.succeededFuture(Buffer.buffer(json)));
    }

    /**
     * Taps the input of a running task's node for consumers in this JVM: every frame the node receives is published,
     * as a {@link TapFrame}, to the returned address ({@link TapFrame#address}) until {@link #untap}. Tapping the
     * httpOut node gives the results it serves; tapping a from() node gives the points it filters.
     */
    public Future<String> tap(String taskId, String node) {
        Running r = running.get(taskId);
        return r == null ? notFound("task " + taskId + " is not running") : r.verticle().tap(node, true);
    }

    public Future<Void> untap(String taskId, String node) {
        Running r = running.get(taskId);
        return r == null ? Future.succeededFuture() : r.verticle().tap(node, false).mapEmpty();
    }

    /**
     * Completes with true when the task has processed every frame sent to it so far and everything that followed from
     * them; for tests and replays that must read results only after the data went through.
     */
    public Future<Boolean> idle(String taskId) {
        Running r = running.get(taskId);
        return r == null ? Future.succeededFuture(true) : r.verticle().idle();
    }

    private static <T> Future<T> notFound(String message) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, message));
    }

    /**
     * The running set and the routing table change together, so a stop racing a start never leaves a route behind;
     * each change copies only the targets of the task's dbrps (a rebuild per start made n starts O(n²)).
     */
    private synchronized void added(Running r) {
        running.put(r.spec().id(), r);
        if (r.spec().type() != TaskType.BATCH) {
            // Batch tasks read InfluxDB on their own schedule; writes are never for them.
            routes = routes.with(r.route());
            router.install(routes);
        }
    }

    private synchronized Running removed(String taskId) {
        Running r = running.remove(taskId);
        if (r != null && r.spec().type() != TaskType.BATCH) {
            routes = routes.without(r.inbox());
            router.install(routes);
        }
        return r;
    }

    /** The measurements of the task's from() nodes when every from() names one; null (all) otherwise. */
    public static Set<String> measurements(TaskSpec spec) {
        Set<String> names = new HashSet<>();
        boolean any = false;
        for (NodeDef n : spec.pipeline().sorted()) {
            if (!n.type().equals("from")) {
                continue;
            }
            any = true;
            String m = n.stringValue("Measurement");
            if (m.isEmpty()) {
                return null;
            }
            names.add(m);
        }
        return any ? names : null;
    }
}
