package kapacitor.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import kapacitor.app.LocalCodec;
import kapacitor.model.Point;
import kapacitor.pipeline.DotWriter;
import kapacitor.pipeline.NodeDef;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.EdgeFrame;
import kapacitor.runtime.edge.EdgeStats;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.edge.PointsFrame;
import kapacitor.runtime.ingest.Frame;
import kapacitor.runtime.ingest.TaskInbox;
import kapacitor.runtime.operator.ContextAware;
import kapacitor.runtime.operator.HttpOutOperator;
import kapacitor.runtime.operator.InfluxQLOperator;
import kapacitor.runtime.operator.WindowOperator;
import kapacitor.runtime.operator.NodeContext;
import kapacitor.runtime.operator.NodeServices;
import kapacitor.runtime.operator.StatsOperator;
import kapacitor.runtime.operator.OperatorFactory;
import kapacitor.runtime.operator.TaskBound;
import kapacitor.runtime.operator.Output;
import kapacitor.runtime.time.TaskClock;
import kapacitor.runtime.time.VertxClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One running task: builds an operator per pipeline node, connects each edge as a task-local bus address consumed on
 * this verticle's context, feeds the inbox's frames to the source and sends one {@link EdgeFrame} per edge per inbound
 * frame (ARCHITECTURE.md §4, §9).
 */
public final class TaskVerticle extends VerticleBase {
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private final TaskSpec spec;
    private final TaskInbox inbox;
    /** Where this copy's edge addresses live: the task's own, or a replay's so both may run at once. */
    private final String addressPrefix;
    private final String execution;
    private final java.util.function.Function<Vertx, TaskClock> clocks;
    private final NodeServices services;
    private final Map<NodeDef, NodeRuntime> nodes = new LinkedHashMap<>();
    private final Map<String, HttpOutOperator> outputs = new HashMap<>();
    /** Zero: groups live as long as the task; otherwise from() groups idle for this long are deleted. */
    private final long groupIdleTimeout;
    private final Map<NodeRuntime, GroupIdleExpiry> expiries = new HashMap<>();
    private TaskClock clock;
    private long expiryTimer = -1;
    /** Opt-in ({@code [task] operator-chaining}): edges call the child directly instead of a bus hop per frame. */
    private boolean chaining;
    /** A replay's copy of a batch task: its query nodes get recorded batches instead of querying InfluxDB. */
    private boolean fedBatches;
    private final EdgeStats sourceIn = new EdgeStats();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private Context context;
    private NodeRuntime source;
    /** Edge frames sent and not yet processed: zero means the task has handled everything it was given. */
    private long pending;
    private long lastCollected;
    private long throughputTimer;
    private double throughput;

    public TaskVerticle(TaskSpec spec, TaskInbox inbox) {
        this(spec, inbox, NodeServices.NONE, VertxClock::new);
    }

    /** With the services nodes may use, and a clock for the nodes' timers (tests may drive a manual one). */
    public TaskVerticle(TaskSpec spec, TaskInbox inbox, NodeServices services,
                        java.util.function.Function<Vertx, TaskClock> clocks) {
        this(spec, inbox, services, clocks, 0);
    }

    /** And the server's {@code [task] group-idle-timeout} in nanoseconds (0: off). */
    public TaskVerticle(TaskSpec spec, TaskInbox inbox, NodeServices services,
                        java.util.function.Function<Vertx, TaskClock> clocks, long groupIdleTimeout) {
        this(spec, inbox, services, clocks, groupIdleTimeout, addressPrefix(spec.id()));
    }

    /**
     * With the prefix of the task's edge addresses ({@link #addressPrefix(String)} for a live task); the task id
     * still names the task in alerts, messages and stats.
     */
    public TaskVerticle(TaskSpec spec, TaskInbox inbox, NodeServices services,
                        java.util.function.Function<Vertx, TaskClock> clocks, long groupIdleTimeout,
                        String addressPrefix) {
        this(spec, inbox, services, clocks, groupIdleTimeout, addressPrefix, "main");
    }

    /** A replay's copy: its own addresses, and the replay id in place of "main" in its alert topic names. */
    public TaskVerticle(TaskSpec spec, TaskInbox inbox, NodeServices services,
                        java.util.function.Function<Vertx, TaskClock> clocks, long groupIdleTimeout,
                        String addressPrefix, String execution) {
        this.execution = execution;
        this.addressPrefix = addressPrefix;
        this.groupIdleTimeout = groupIdleTimeout;
        this.spec = spec;
        this.inbox = inbox;
        this.services = services.withTaskDbrps(spec.dbrps());
        this.clocks = clocks;
    }

    /**
     * Chains the task's operators: each message goes straight to the child operator on this thread, depth first,
     * with no per-frame buffer or bus message. Edges out of a from() node with a group idle expiry stay on the bus.
     * Set before deployment.
     */
    public TaskVerticle operatorChaining(boolean on) {
        this.chaining = on;
        return this;
    }

    /**
     * Makes this a copy that a batch replay feeds through {@link #collectBatches}: its query nodes do not query
     * InfluxDB on their schedule, as a replay's task master in Kapacitor never starts them. Set before deployment.
     */
    TaskVerticle fedBatches(boolean on) {
        this.fedBatches = on;
        return this;
    }

    /** The bus address prefix of a live task: its inbox and edges. */
    public static String addressPrefix(String taskId) {
        return "kapacitor.task." + taskId + ".";
    }

    public static String edgeAddress(String taskId, int n) {
        return addressPrefix(taskId) + "edge." + n;
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        try {
            build();
        } catch (RuntimeException e) {
            return Future.failedFuture(e.getMessage());
        }
        clock = clocks.apply(vertx);
        List<ContextAware> opened = new ArrayList<>();
        try {
            for (NodeRuntime r : nodes.values()) {
                if (fedBatches && r.operator instanceof kapacitor.runtime.operator.QueryOperator) {
                    continue;
                }
                if (r.operator instanceof ContextAware c) {
                    c.open(nodeContext(r, clock));
                    opened.add(c);
                }
            }
        } catch (RuntimeException e) {
            // A node that cannot start fails the task's start with its reason; the ones already open stop again.
            opened.forEach(ContextAware::close);
            return Future.failedFuture(e.getMessage());
        }
        if (!expiries.isEmpty()) {
            long interval = expiries.values().iterator().next().checkIntervalNanos();
            expiryTimer = clock.setPeriodic(interval, this::expireIdleGroups);
        }
        consumers.add(vertx.eventBus().<Frame>localConsumer(inbox.address(), m -> onFrame(m.body())));
        // Kapacitor's throughput: points collected by the source during the last second.
        throughputTimer = vertx.setPeriodic(1000, id -> {
            long c = sourceIn.collected();
            throughput = c - lastCollected;
            lastCollected = c;
        });
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(throughputTimer);
        if (expiryTimer >= 0) {
            clock.cancel(expiryTimer);
        }
        for (NodeRuntime r : nodes.values()) {
            if (r.operator instanceof TaskBound b) {
                b.unbind();
            }
            if (r.operator instanceof ContextAware c) {
                c.close();
            }
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }

    private void build() {
        for (NodeDef n : spec.pipeline().sorted()) {
            NodeRuntime r = new NodeRuntime(spec.id(), n, OperatorFactory.create(n, services));
            if (r.operator instanceof TaskBound b) {
                // Operators that talk to services outside the task (alert topics, HTTP peers) learn where they run.
                b.bind(spec.id(), execution, vertx);
            }
            nodes.put(n, r);
            if (groupIdleTimeout > 0 && n.type().equals("from")) {
                expiries.put(r, new GroupIdleExpiry(groupIdleTimeout));
            }
            if (r.operator instanceof HttpOutOperator h) {
                outputs.put(h.endpoint(), h);
            }
        }
        fuseWindowAggregates();
        source = nodes.get(spec.pipeline().source());
        source.ins.add(sourceIn);
        int edge = 0;
        for (NodeRuntime r : nodes.values()) {
            for (NodeDef c : walkOrder(r.def.children())) {
                String address = addressPrefix + "edge." + edge++;
                NodeRuntime.OutEdge out = new NodeRuntime.OutEdge(address, c);
                r.outs.add(out);
                NodeRuntime child = nodes.get(c);
                child.ins.add(out.stats);
                int parent = c.parents().indexOf(r.def);
                if (chaining && !expiries.containsKey(r)) {
                    out.chained = child;
                    out.chainedParent = parent;
                    continue;
                }
                consumers.add(vertx.eventBus().<Object>localConsumer(address, m -> onEdge(child, parent, m.body())));
            }
        }
        // Stats nodes watch an edge that exists only now that every edge is wired.
        for (NodeRuntime r : nodes.values()) {
            if (r.operator instanceof StatsOperator s && r.def.value("SourceNode") instanceof NodeDef watched) {
                NodeRuntime w = nodes.get(watched);
                if (w != null && !w.outs.isEmpty()) {
                    w.outs.get(0).stats.trackGroups();
                }
                s.watch(() -> w == null || w.outs.isEmpty() ? null : w.outs.get(0).stats);
            }
        }
    }

    /**
     * A tumbling window whose only child is an InfluxQL aggregate (e.g. {@code window()|mean()}) reduces its points
     * as they arrive instead of buffering them: same output, no point kept per group (ARCHITECTURE.md §4).
     */
    private void fuseWindowAggregates() {
        for (NodeRuntime r : nodes.values()) {
            if (r.operator instanceof WindowOperator w && w.canAggregate() && r.def.children().size() == 1) {
                NodeRuntime child = nodes.get(r.def.children().get(0));
                if (child.operator instanceof InfluxQLOperator q && q.reducesBatches()
                    && child.def.parents().size() == 1) {
                    w.aggregateInto(q);
                }
            }
        }
    }

    private List<NodeDef> walkOrder(List<NodeDef> children) {
        List<NodeDef> order = new ArrayList<>(nodes.keySet());
        return children.stream().sorted((a, b) -> order.indexOf(a) - order.indexOf(b)).toList();
    }

    private void onFrame(Frame frame) {
        try {
            List<Point> points = frame.points();
            sourceIn.countPoints(points.size());
            if (!source.passesFramesWhole()) {
                source.processPoints(points);
                flush(source);
                return;
            }
            source.passedWhole(points.size());
            for (NodeRuntime.OutEdge e : source.outs) {
                if (e.chained != null) {
                    e.chained.processPoints(points);
                    flush(e.chained);
                } else {
                    pending++;
                    vertx.eventBus().send(e.address, new PointsFrame(points), LOCAL);
                }
            }
        } finally {
            frame.inbox().done();
        }
    }

    private void onEdge(NodeRuntime node, int parent, Object frame) {
        pending--;
        if (frame instanceof PointsFrame p) {
            node.processPoints(p.points());
        } else {
            node.processAll(parent, ((EdgeFrame) frame).messages());
        }
        flush(node);
    }

    /** Sends what a node emitted; with chaining, what any node left on a bus edge (a chain may end in one). */
    private void flush(NodeRuntime node) {
        if (!chaining) {
            send(node);
            return;
        }
        for (NodeRuntime r : nodes.values()) {
            send(r);
        }
    }

    private NodeContext nodeContext(NodeRuntime node, TaskClock clock) {
        return new NodeContext() {
            @Override
            public Vertx vertx() {
                return vertx;
            }

            @Override
            public TaskClock clock() {
                return clock;
            }

            @Override
            public Output output() {
                return node;
            }

            @Override
            public Runnable run(Runnable action) {
                return () -> {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        node.error(String.valueOf(e.getMessage()));
                    }
                    flush(node);
                };
            }

            @Override
            public void self(Message m) {
                node.process(m);
            }
        };
    }

    private void send(NodeRuntime node) {
        List<EdgeFrame> frames = node.drain();
        GroupIdleExpiry expiry = expiries.get(node);
        if (expiry != null && !frames.isEmpty() && frames.get(0) != null) {
            // Every edge of a node carries the same messages.
            expiry.seen(frames.get(0).messages(), clock.nowNanos());
        }
        for (int i = 0; i < frames.size(); i++) {
            EdgeFrame f = frames.get(i);
            if (f != null) {
                pending++;
                vertx.eventBus().send(node.outs.get(i).address, f, LOCAL);
            }
        }
    }

    /**
     * Starts or stops publishing what node {@code name} receives to {@link TapFrame#address}; fails with 404 when
     * the task has no such node.
     */
    Future<String> tap(String name, boolean on) {
        return onContext(() -> {
            for (NodeRuntime r : nodes.values()) {
                if (r.def.name().equals(name)) {
                    String address = TapFrame.address(spec.id(), name);
                    r.tap = on ? ms -> vertx.eventBus().publish(address, new TapFrame(spec.id(), name, ms), LOCAL)
                        : null;
                    return address;
                }
            }
            throw new io.vertx.core.eventbus.ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE,
                404, "task " + spec.id() + " has no node " + name);
        });
    }

    /** Deletes, at their from() node, the groups that saw no point for the group idle timeout. */
    private void expireIdleGroups() {
        long now = clock.nowNanos();
        expiries.forEach((node, expiry) -> {
            List<DeleteGroupMessage> expired = expiry.expire(now);
            if (!expired.isEmpty()) {
                expired.forEach(node::emit);
                flush(node);
            }
        });
    }

    /** Runs on the task's context and completes there. */
    private <T> Future<T> onContext(java.util.function.Supplier<T> fn) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                p.complete(fn.get());
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    /**
     * Hands {@code batches} to the source's query child number {@code query} (Kapacitor's batch collectors, in the
     * order the script links the queries) as if it had queried them; completes once that node passed them on.
     */
    Future<Void> collectBatches(int query, List<kapacitor.runtime.edge.BatchMessage> batches) {
        return onContext(() -> {
            NodeDef def = source.def.children().get(query);
            NodeRuntime q = nodes.get(def);
            // They come over the batch source's edge to the query, as the live query's results do in Kapacitor.
            for (NodeRuntime.OutEdge e : source.outs) {
                if (e.child == def) {
                    batches.forEach(e.stats::count);
                }
            }
            q.processAll(0, batches);
            flush(q);
            return null;
        });
    }

    /** True once every frame given to the task and every edge frame it produced has been processed. */
    Future<Boolean> idle() {
        return onContext(() -> pending == 0 && inbox.inFlight() == 0);
    }

    Future<String> httpOut(String endpoint) {
        return onContext(() -> {
            HttpOutOperator h = outputs.get(endpoint);
            return h == null ? null : h.render();
        });
    }

    Future<TaskStats> stats() {
        return onContext(() -> {
            Map<String, Object> nodeStats = new LinkedHashMap<>();
            for (NodeRuntime r : nodes.values()) {
                Map<String, Object> s = new LinkedHashMap<>(r.stats());
                s.put("collected", r.collected());
                s.put("emitted", r.emitted());
                nodeStats.put(r.def.name(), s);
            }
            Map<String, Object> taskStats = new LinkedHashMap<>();
            taskStats.put("throughput", throughput);
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("task-stats", taskStats);
            all.put("node-stats", nodeStats);
            DotWriter.Stats dot = dotStats();
            return new TaskStats(all, spec.pipeline().executingDot(spec.id(), false, dot),
                spec.pipeline().executingDot(spec.id(), true, dot));
        });
    }

    private DotWriter.Stats dotStats() {
        Map<NodeDef, Map<String, String>> snapshot = new HashMap<>();
        Map<String, Long> processed = new HashMap<>();
        for (NodeRuntime r : nodes.values()) {
            Map<String, String> s = new HashMap<>();
            // Kapacitor's avg_exec_time_ns is a duration var: an integer in JSON, Go's duration text in DOT.
            r.stats().forEach((k, v) -> s.put(k, "avg_exec_time_ns".equals(k)
                ? kapacitor.util.Durations.formatNanos(v) : String.valueOf(v)));
            snapshot.put(r.def, s);
            for (NodeRuntime.OutEdge e : r.outs) {
                processed.put(r.def.name() + "->" + e.child.name(), e.stats.collected());
            }
        }
        double tp = throughput;
        return new DotWriter.Stats() {
            @Override
            public double throughput() {
                return tp;
            }

            @Override
            public Map<String, String> nodeStats(NodeDef node) {
                return snapshot.getOrDefault(node, Map.of());
            }

            @Override
            public long processed(NodeDef parent, NodeDef child) {
                return processed.getOrDefault(parent.name() + "->" + child.name(), 0L);
            }
        };
    }
}
