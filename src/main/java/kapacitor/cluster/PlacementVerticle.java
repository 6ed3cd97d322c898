package kapacitor.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import kapacitor.alert.Topics;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.app.Addresses;
import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.ParseResult;
import kapacitor.lineprotocol.Precision;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.RemoteTable;
import kapacitor.service.alert.StoredTopics;
import kapacitor.service.task.ScriptCompiler;
import kapacitor.service.task.StoredTasks;
import kapacitor.store.DuplicateKeyException;
import kapacitor.store.LeaseRecord;
import kapacitor.store.NotFoundException;
import kapacitor.store.Store;
import kapacitor.store.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Places tasks on this node (ARCHITECTURE.md §7). Desired = enabled tasks whose rendezvous owner is this node; the
 * reconcile loop (on membership change, on {@code tasks.changed} and every 10 s) starts the missing ones under a
 * lease and stops the extra ones, then rebuilds the remote routing table. Owns the node's clustered addresses:
 * {@code node.<id>.control} (start/stop now, stats, httpOut) and {@code node.<id>.ingest}. Every start and stop
 * runs one at a time on this verticle's context.
 */
public final class PlacementVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(PlacementVerticle.class);
    static final long RECONCILE_MILLIS = 10_000;
    static final long RENEW_MILLIS = 3_000;
    /** A lease not renewed for this long may be taken even from a node Hazelcast still lists. */
    static final long LEASE_TTL_MILLIS = 15_000;
    /** After a stop on request, the loop leaves the task alone this long (the manager deletes or disables it next). */
    static final long STOPPED_GRACE_MILLIS = 5_000;
    static final String NODES_MAP = "kapacitor.cluster.nodes";

    private record Compiled(long version, TaskSpec spec, Set<String> measurements) {
    }

    private final ClusterState state;
    private final Membership membership;
    private final Store store;
    private final ScriptCompiler compiler;
    private final LocalTaskRunner local;
    private final IngestRouter router;
    private final String httpAddress;
    private final String self;
    /** The tasks this verticle started here (the state's concurrent set, so the API reads it live). */
    private final Set<String> running;

    private final Map<String, Long> stoppedUntil = new HashMap<>();
    private final Map<String, Compiled> compiled = new HashMap<>();
    private final LineProtocolParser parser = new LineProtocolParser();
    private Future<Void> tail = Future.succeededFuture();
    private boolean reconcileQueued;
    private AsyncMap<String, String> nodesMap;
    private long reconcileTimer;
    private long renewTimer;

    public PlacementVerticle(ClusterState state, Membership membership, Store store, ScriptCompiler compiler,
                             LocalTaskRunner local, IngestRouter router, String httpAddress) {
        this.state = state;
        this.membership = membership;
        this.store = store;
        this.compiler = compiler;
        this.local = local;
        this.router = router;
        this.httpAddress = httpAddress;
        this.self = membership.self();
        this.running = state.local;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        MessageConsumer<JsonObject> control = bus.consumer(Addresses.nodeControl(self), this::control);
        MessageConsumer<Buffer> ingest = bus.consumer(Addresses.nodeIngest(self), this::ingest);
        MessageConsumer<Object> changed = bus.consumer(Addresses.CLUSTER_TASKS_CHANGED, m -> requestReconcile());
        membership.listen(context, nodes -> {
            LOG.info("msg=\"cluster membership changed\" members={}", nodes.size());
            requestReconcile();
        });
        reconcileTimer = vertx.setPeriodic(RECONCILE_MILLIS, t -> requestReconcile());
        renewTimer = vertx.setPeriodic(RENEW_MILLIS, t -> renew());
        return Future.all(control.completion(), ingest.completion(), changed.completion())
            .compose(v -> vertx.sharedData().<String, String>getAsyncMap(NODES_MAP))
            .compose(map -> {
                nodesMap = map;
                return map.put(self, httpAddress);
            })
            .compose(v -> serially(this::reconcile));
    }

    /** Graceful stop: stop the local tasks and give their leases up at once so others take over without waiting. */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(reconcileTimer);
        vertx.cancelTimer(renewTimer);
        membership.close();
        // The task verticles are this verticle's children: Vert.x has undeployed them before calling stop(), so only
        // the leases are left to give up. The others take the tasks when Hazelcast reports this member gone.
        return serially(() -> {
            List<Future<Boolean>> all = new ArrayList<>();
            for (String id : List.copyOf(running)) {
                running.remove(id);
                all.add(store.leases().release(id, self));
            }
            LOG.info("msg=\"released task leases\" count={}", all.size());
            return Future.join(all).<Void>mapEmpty().recover(e -> Future.succeededFuture());
        }).compose(v -> nodesMap == null ? Future.succeededFuture() : nodesMap.remove(self).<Void>mapEmpty())
            .recover(e -> Future.succeededFuture());
    }

    // ---- serialisation of starts, stops and reconciles ----

    private <T> Future<T> serially(Supplier<Future<T>> work) {
        Future<T> result = tail.transform(ignored -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
        tail = result.transform(ignored -> Future.succeededFuture());
        return result;
    }

    /** Reconciles now, from any thread; completes when this node's routes reflect the stored tasks and leases. */
    public Future<Void> reconcileNow() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> serially(this::reconcile).onComplete(done));
        return done.future();
    }

    private void requestReconcile() {
        if (reconcileQueued) {
            return;
        }
        reconcileQueued = true;
        serially(() -> {
            reconcileQueued = false;
            return reconcile();
        }).onFailure(e -> LOG.warn("msg=\"reconcile failed\" error=\"{}\"", e.getMessage()));
    }

    // ---- control ----

    private void control(Message<JsonObject> msg) {
        JsonObject body = msg.body();
        String id = body.getString("task", "");
        String op = body.getString("op", "");
        Future<?> result;
        switch (op) {
            case "start":
                result = serially(() -> startNow(id));
                break;
            case "stop":
                result = serially(() -> {
                    stoppedUntil.put(id, System.currentTimeMillis() + STOPPED_GRACE_MILLIS);
                    return running.contains(id) ? stopLocal(id) : Future.succeededFuture();
                });
                break;
            case "stats":
                result = local.stats(id).map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stats", s.stats());
                    m.put("dot-attributes", s.dotAttributes());
                    m.put("dot-labels", s.dotLabels());
                    return Json.compact(m);
                });
                break;
            case "httpout":
                result = local.httpOut(id, body.getString("name", ""));
                break;
            default:
                result = Future.failedFuture(ApiException.badRequest("unknown cluster control operation " + op));
        }
        result.onComplete(ar -> {
            if (ar.succeeded()) {
                msg.reply(ar.result());
            } else {
                String text = ar.cause().getMessage() == null ? ar.cause().toString() : ar.cause().getMessage();
                msg.fail(ApiException.statusOf(ar.cause()), text);
            }
        });
    }

    /**
     * Starts a task here now (the task manager asked): under a lease, with the stored definition. Answers the node
     * the task runs on: another live node that holds a fresh lease keeps it until its own reconcile hands it over.
     */
    private Future<JsonObject> startNow(String id) {
        stoppedUntil.remove(id);
        if (running.contains(id)) {
            return Future.succeededFuture(new JsonObject().put("node", self));
        }
        List<String> members = membership.nodes();
        return store.tasks().get(id)
            .recover(e -> Future.failedFuture(e instanceof NotFoundException
                ? ApiException.notFound("task " + id + " does not exist") : e))
            .compose(r -> lease(id).compose(l -> {
                if (l != null && !l.nodeId().equals(self) && members.contains(l.nodeId())
                    && System.currentTimeMillis() - l.renewedAt() <= LEASE_TTL_MILLIS) {
                    return Future.succeededFuture(new JsonObject().put("node", l.nodeId()));
                }
                return startLocal(r, l, members).map(v -> new JsonObject().put("node", self));
            }));
    }

    private Future<LeaseRecord> lease(String id) {
        return store.leases().get(id).recover(e -> e instanceof NotFoundException
            ? Future.succeededFuture(null) : Future.failedFuture(e));
    }

    /** Takes the lease if allowed and starts the task; fails when another live node holds the lease. */
    private Future<Void> startLocal(TaskRecord r, LeaseRecord lease, List<String> members) {
        String id = r.id();
        TaskSpec spec;
        try {
            spec = compiled(r).spec();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return takeLease(id, lease, members)
            // The task's alert nodes restore their levels from its topics: give them what its last node stored.
            .compose(taken -> StoredTopics.restore(store, Topics.of(vertx), t -> t.startsWith(StoredTopics
                .taskPrefix(id)), true).map(taken))
            .compose(taken -> local.start(spec).onSuccess(v -> {
                running.add(id);
                state.noteStarted(id, self);
                LOG.info("msg=\"task placed here\" task={} epoch={}", id, taken.epoch());
            }).recover(e -> store.leases().release(id, self).otherwiseEmpty()
                .compose(x -> Future.failedFuture(e))));
    }

    private Future<LeaseRecord> takeLease(String id, LeaseRecord lease, List<String> members) {
        long now = System.currentTimeMillis();
        if (lease == null) {
            return store.leases().acquire(id, self, now).onSuccess(l -> state.leasesTaken.increment())
                .recover(e -> Future.failedFuture(e instanceof DuplicateKeyException
                    ? new IllegalStateException("task " + id + " was just placed on another node") : e));
        }
        if (lease.nodeId().equals(self)) {
            return Future.succeededFuture(lease);
        }
        // A released lease (no holder) or one whose holder left is taken over at the next epoch.
        boolean holderGone = lease.nodeId().isEmpty() || !members.contains(lease.nodeId());
        if (holderGone || now - lease.renewedAt() > LEASE_TTL_MILLIS) {
            return store.leases().takeOver(id, lease.epoch(), self, now).onSuccess(l -> {
                state.leasesTaken.increment();
                state.taskMoves.increment();
                LOG.info("msg=\"took over task\" task={} from={} epoch={}", id, lease.nodeId(), l.epoch());
            });
        }
        return Future.failedFuture(new ApiException(503, "task " + id + " is executing on node " + lease.nodeId()));
    }

    /** Stops a local task and gives its lease up. */
    private Future<Void> stopLocal(String id) {
        running.remove(id);
        state.noteStopped(id);
        return local.stop(id).recover(e -> {
            LOG.warn("msg=\"failed to stop task\" task={} error=\"{}\"", id, e.getMessage());
            return Future.succeededFuture();
        }).compose(v -> store.leases().release(id, self).<Void>mapEmpty()).recover(e -> Future.succeededFuture());
    }

    private Compiled compiled(TaskRecord r) {
        Compiled c = compiled.get(r.id());
        if (c == null || c.version() != r.version()) {
            TaskSpec spec = StoredTasks.spec(r, compiler);
            c = new Compiled(r.version(), spec, LocalTaskRunner.measurements(spec));
            compiled.put(r.id(), c);
        }
        return c;
    }

    // ---- reconcile ----

    private Future<Void> reconcile() {
        state.reconciles.increment();
        long readAt = System.currentTimeMillis();
        Future<List<TaskRecord>> tasks = store.tasks().listAll();
        Future<List<LeaseRecord>> leases = store.leases().listAll();
        Future<Map<String, String>> addresses = nodesMap == null
            ? Future.succeededFuture(Map.of()) : nodesMap.entries();
        return Future.all(tasks, leases, addresses)
            .compose(v -> apply(tasks.result(), leases.result(), addresses.result(), readAt));
    }

    private Future<Void> apply(List<TaskRecord> tasks, List<LeaseRecord> leaseList, Map<String, String> addresses,
                               long readAt) {
        List<String> members = membership.nodes();
        Map<String, LeaseRecord> leases = new HashMap<>();
        leaseList.forEach(l -> leases.put(l.taskId(), l));
        Map<String, TaskRecord> enabled = new LinkedHashMap<>();
        for (TaskRecord r : tasks) {
            if (StoredTasks.enabled(r)) {
                enabled.put(r.id(), r);
            }
        }
        compiled.keySet().retainAll(enabled.keySet());
        long now = System.currentTimeMillis();
        stoppedUntil.values().removeIf(until -> until < now);

        List<Future<Void>> work = new ArrayList<>();
        for (String id : List.copyOf(running)) {
            LeaseRecord l = leases.get(id);
            boolean lost = l != null && !l.nodeId().equals(self);
            if (!enabled.containsKey(id) || !self.equals(Rendezvous.owner(id, members)) || lost) {
                LOG.info("msg=\"task leaves this node\" task={} lease-lost={}", id, lost);
                work.add(lost ? stopWithoutRelease(id) : stopLocal(id));
            }
        }
        for (TaskRecord r : enabled.values()) {
            String id = r.id();
            if (running.contains(id) || stoppedUntil.containsKey(id) || !self.equals(Rendezvous.owner(id, members))) {
                continue;
            }
            work.add(startLocal(r, leases.get(id), members).recover(e -> {
                LOG.info("msg=\"task not started here\" task={} reason=\"{}\"", id, e.getMessage());
                return Future.succeededFuture();
            }));
        }
        for (LeaseRecord l : leaseList) {
            // A lease its dead holder cannot give up any more, for a task nobody should run: drop it.
            if (!enabled.containsKey(l.taskId()) && !members.contains(l.nodeId())) {
                work.add(store.leases().delete(l.taskId(), l.nodeId()).<Void>mapEmpty()
                    .recover(e -> Future.succeededFuture()));
            }
        }
        boolean changed = !work.isEmpty();
        return Future.join(work).<Void>mapEmpty().recover(e -> Future.succeededFuture())
            .compose(v -> changed ? reloadLeases(leaseList) : Future.succeededFuture(leaseList))
            .map(current -> {
                installRemoteRoutes(enabled, current, members);
                Map<String, String> live = new LinkedHashMap<>();
                members.forEach(m -> live.put(m, addresses.getOrDefault(m, "")));
                state.install(new ClusterView(self, members, live, List.copyOf(current)),
                    changed ? System.currentTimeMillis() : readAt);
                if (changed) {
                    // Others refresh their routes and executing views now rather than at their next tick.
                    vertx.eventBus().publish(Addresses.CLUSTER_TASKS_CHANGED, new JsonObject().put("node", self));
                }
                return null;
            });
    }

    /** The lease table again after this reconcile changed it. */
    private Future<List<LeaseRecord>> reloadLeases(List<LeaseRecord> fallback) {
        return store.leases().listAll().recover(e -> Future.succeededFuture(fallback));
    }

    private Future<Void> stopWithoutRelease(String id) {
        running.remove(id);
        return local.stop(id).recover(e -> Future.succeededFuture());
    }

    /** Points of every (db, rp[, measurement]) a task on another node wants go to that node. */
    private void installRemoteRoutes(Map<String, TaskRecord> enabled, List<LeaseRecord> leases,
                                     List<String> members) {
        Map<String, String> holders = new HashMap<>();
        leases.forEach(l -> holders.put(l.taskId(), l.nodeId()));
        List<RemoteTable.Subscription> subs = new ArrayList<>();
        for (TaskRecord r : enabled.values()) {
            if (running.contains(r.id())) {
                continue;
            }
            String holder = holders.get(r.id());
            String target = holder != null && members.contains(holder) ? holder : Rendezvous.owner(r.id(), members);
            if (target == null || target.equals(self)) {
                continue;
            }
            Compiled c;
            try {
                c = compiled(r);
            } catch (IllegalArgumentException e) {
                continue; // a task that does not compile runs nowhere
            }
            subs.add(new RemoteTable.Subscription(target, Addresses.nodeIngest(target), c.spec().dbrps(),
                c.measurements()));
        }
        router.installRemote(RemoteTable.of(subs));
    }

    private void renew() {
        store.leases().renewAll(self, System.currentTimeMillis())
            .onFailure(e -> LOG.warn("msg=\"lease renewal failed\" error=\"{}\"", e.getMessage()));
    }

    // ---- ingest from other nodes ----

    private void ingest(Message<Buffer> msg) {
        String db = msg.headers().get("db");
        String rp = msg.headers().get("rp");
        if (db == null || rp == null) {
            return;
        }
        state.remoteBatchesReceived.increment();
        ParseResult parsed = parser.parse(msg.body(), db, rp, Precision.NANOSECONDS,
            System.currentTimeMillis() * 1_000_000L);
        router.routeLocal(db, rp, parsed.points());
    }
}
