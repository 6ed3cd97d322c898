package kapacitor.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A task's node graph, built call by call by the TICKscript evaluator. Ids are assigned as Kapacitor does: one
 * per link, in creation order (a join or union is re-numbered at each of its links, so it takes the last id).
 * Walk order is Kapacitor's topological sort; {@link #dot(String)} prints Kapacitor's DOT text.
 */
public final class Pipeline {

    private final DeadmanConfig deadman;
    private final List<NodeDef> sources = new ArrayList<>();
    private final Set<String> dynamicMethods = new HashSet<>();
    private int nextId;

    private Pipeline(DeadmanConfig deadman) {
        this.deadman = deadman;
    }

    /** A pipeline whose source is {@code stream0} or {@code batch0}; deadman() uses the default configuration. */
    public static Pipeline create(EdgeType sourceType) {
        return create(sourceType, DeadmanConfig.defaults());
    }

    public static Pipeline create(EdgeType sourceType, DeadmanConfig deadman) {
        if (sourceType != EdgeType.STREAM && sourceType != EdgeType.BATCH) {
            throw new PipelineException("source edge type must be either Stream or Batch not " + sourceType);
        }
        Pipeline p = new Pipeline(deadman);
        NodeSpec spec = NodeSpecs.get(sourceType == EdgeType.STREAM ? "stream" : "batch");
        NodeDef src = new NodeDef(spec, spec.type(), spec.wants().resolve(null), spec.provides().resolve(null),
            List.of(), null);
        p.addSource(src);
        return p;
    }

    /** The task's source node ({@code stream0} / {@code batch0}). */
    public NodeDef source() {
        return sources.get(0);
    }

    /** All sources: the task source, then stats nodes in creation order. */
    public List<NodeDef> sources() {
        return Collections.unmodifiableList(sources);
    }

    public EdgeType sourceType() {
        return source().provides();
    }

    public DeadmanConfig deadman() {
        return deadman;
    }

    /**
     * Declares the names usable with {@code @name()} (UDFs); only used to give Kapacitor's hint when such a name
     * is called with '.' or '|'.
     */
    public void dynamicMethods(Set<String> names) {
        dynamicMethods.clear();
        dynamicMethods.addAll(names);
    }

    boolean isDynamicMethod(String name) {
        return dynamicMethods.contains(name);
    }

    /**
     * Calls the chaining method {@code |name(args)} on an object and returns the result (the new node; for
     * deadman() the alert). A single list argument is spread, as Kapacitor does.
     *
     * @throws PipelineException with Kapacitor's text, prefixed with the position when given
     */
    public TickObject chain(TickObject receiver, String name, List<?> args, Position position) {
        return new TickCalls(this, position).chain(receiver, name, args);
    }

    public TickObject chain(TickObject receiver, String name, List<?> args) {
        return chain(receiver, name, args, null);
    }

    /**
     * Calls the property {@code .name(args)} on an object; returns what further calls apply to (the receiver, an
     * alert handler, or the alert data view).
     */
    public TickObject property(TickObject receiver, String name, List<?> args, Position position) {
        return new TickCalls(this, position).property(receiver, name, args);
    }

    public TickObject property(TickObject receiver, String name, List<?> args) {
        return property(receiver, name, args, null);
    }

    /** Adds a UDF node ({@code @name()}) as a child of the receiver. */
    public NodeDef udf(TickObject receiver, UdfInfo info) {
        NodeDef parent = receiver.node();
        NodeDef u = new NodeDef(NodeSpecs.UDF, info.name(), info.wants(), info.provides(), List.of(), info);
        u.set("UDFName", info.name());
        link(parent, u);
        return u;
    }

    /** Adds Kapacitor's global deadman to the source when the configuration asks for it (after evaluation). */
    public void applyGlobalDeadman() {
        if (deadman.global()) {
            deadman(source(), deadman.threshold(), deadman.intervalNanos(), List.of());
        }
    }

    /** Nodes in Kapacitor's walk order (topological; the order of DOT output and of runtime creation). */
    public List<NodeDef> sorted() {
        List<NodeDef> order = new ArrayList<>();
        Set<NodeDef> done = new HashSet<>();
        Set<NodeDef> active = new HashSet<>();
        for (int i = sources.size() - 1; i >= 0; i--) {
            visit(sources.get(i), done, active, order);
        }
        Collections.reverse(order);
        return order;
    }

    private void visit(NodeDef n, Set<NodeDef> done, Set<NodeDef> active, List<NodeDef> order) {
        if (active.contains(n)) {
            throw new IllegalStateException("pipeline contains a cycle");
        }
        if (done.contains(n)) {
            return;
        }
        active.add(n);
        for (NodeDef c : n.children()) {
            visit(c, done, active, order);
        }
        active.remove(n);
        done.add(n);
        order.add(n);
    }

    public int size() {
        return sorted().size();
    }

    /** The node with the given name ("window2"), or null. */
    public NodeDef node(String name) {
        for (NodeDef n : sorted()) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** Kapacitor's task DOT text (the task's "dot" field when not executing). */
    public String dot(String name) {
        return DotWriter.dot(this, name);
    }

    /** Kapacitor's DOT text of an executing task, with node statistics and edge counts. */
    public String executingDot(String taskId, boolean labels, DotWriter.Stats stats) {
        return DotWriter.executingDot(this, taskId, labels, stats);
    }

    // --- graph building, used by TickCalls -----------------------------------------------------------------

    NodeDef newNode(NodeSpec spec, EdgeType parentProvides, List<Object> args) {
        NodeDef n = new NodeDef(spec, spec.type(), spec.wants().resolve(parentProvides),
            spec.provides().resolve(parentProvides), args, null);
        spec.initialize(n, args);
        return n;
    }

    void addSource(NodeDef n) {
        n.id(nextId++);
        sources.add(n);
    }

    void link(NodeDef parent, NodeDef child) {
        child.id(nextId++);
        parent.addChild(child);
        child.addParent(parent);
    }

    NodeDef stats(NodeDef watched, DurationValue interval) {
        NodeDef stats = newNode(NodeSpecs.get("stats"), EdgeType.STREAM, List.of(interval));
        stats.set("SourceNode", watched);
        stats.set("Interval", interval);
        addSource(stats);
        if (watched.children().isEmpty()) {
            // Kapacitor gives a leaf a noop child so that its emitted count can be observed.
            link(watched, newNode(NodeSpecs.get("noop"), watched.provides(), List.of()));
        }
        return stats;
    }

    NodeDef deadman(NodeDef watched, double threshold, long intervalNanos, List<LambdaValue> extra) {
        DurationValue interval = new DurationValue(intervalNanos);
        NodeDef stats = stats(watched, interval);
        stats.addCall("Align", List.of());
        NodeDef derivative = newNode(NodeSpecs.get("derivative"), stats.provides(), List.of("emitted"));
        link(stats, derivative);
        derivative.addCall("NonNegative", List.of());
        derivative.set("Unit", interval);
        NodeDef alert = newNode(NodeSpecs.get("alert"), derivative.provides(), List.of());
        link(derivative, alert);
        alert.set("Crit", new LambdaValue(new DeadmanCondition(threshold, extra)));
        alert.set("Id", replaceFirst(deadman.id(), DeadmanConfig.NODE_NAME, watched.name()));
        alert.set("Message", replaceFirst(deadman.message(), DeadmanConfig.INTERVAL, interval.toString()));
        return alert;
    }

    private static String replaceFirst(String s, String target, String replacement) {
        int i = s.indexOf(target);
        return i < 0 ? s : s.substring(0, i) + replacement + s.substring(i + target.length());
    }
}
