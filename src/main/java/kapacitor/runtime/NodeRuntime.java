package kapacitor.runtime;

import kapacitor.model.Point;
import kapacitor.runtime.edge.PointMessage;

import kapacitor.pipeline.NodeDef;
import kapacitor.runtime.edge.EdgeFrame;
import kapacitor.runtime.edge.EdgeStats;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.operator.Operator;
import kapacitor.runtime.operator.Output;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a running task: its operator, its outgoing edges with their per-frame buffers, and its statistics.
 * Used only on the task's thread; the counters are read for stats on that thread too.
 */
final class NodeRuntime implements Output {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);

    /**
     * An outgoing edge: the bus address of the child's consumer, its counts and the messages of this frame; or, when
     * chained, the child itself, called at once for each message (no buffer, no bus hop).
     */
    static final class OutEdge {
        final String address;
        final NodeDef child;
        final EdgeStats stats = new EdgeStats();
        List<Message> buffer = new ArrayList<>();
        /** Set when the edge is chained: the child runtime and this node's index among its parents. */
        NodeRuntime chained;
        int chainedParent;

        OutEdge(String address, NodeDef child) {
            this.address = address;
            this.child = child;
        }
    }

    private final String taskId;
    final NodeDef def;
    final Operator operator;
    final List<OutEdge> outs = new ArrayList<>();
    final List<EdgeStats> ins = new ArrayList<>();
    private long errors;
    private long execNanos;
    private long execCount;
    private static final int MAX_LOGGED_ERRORS = 100;
    private final java.util.Set<String> loggedErrors = new java.util.HashSet<>();
    /** Set while an in-JVM consumer taps this node's input; null otherwise (the point path then pays nothing). */
    java.util.function.Consumer<List<Message>> tap;

    NodeRuntime(String taskId, NodeDef def, Operator operator) {
        this.taskId = taskId;
        this.def = def;
        this.operator = operator;
    }

    void process(Message m) {
        process(0, m);
    }

    /** Handles a message from the parent at index {@code parent} of the node's parents. */
    void process(int parent, Message m) {
        long start = System.nanoTime();
        processUntimed(parent, m);
        execNanos += System.nanoTime() - start;
        execCount++;
    }

    /**
     * Handles a frame's messages; the clock is read once per frame, not per message, so the average execution time
     * costs two clock reads per frame.
     */
    void processAll(int parent, List<? extends Message> messages) {
        if (tap != null) {
            tap.accept(List.copyOf(messages));
        }
        long start = System.nanoTime();
        operator.processFrame(parent, messages, this);
        execNanos += System.nanoTime() - start;
        execCount += messages.size();
    }

    /**
     * The source's input: a frame's points, ungrouped, timed once for the frame. The stream source only passes
     * points on, so unless something watches it closely the whole frame goes to its children as it is, without a
     * message per point; see {@link TaskVerticle}.
     */
    boolean passesFramesWhole() {
        if (!(operator instanceof kapacitor.runtime.operator.StreamOperator) || tap != null) {
            return false;
        }
        for (OutEdge e : outs) {
            if (e.stats.tracksGroups()) {
                return false;
            }
        }
        return true;
    }

    /** Counts a frame this pass-through source hands on whole: {@code n} points in and out of every edge. */
    void passedWhole(int n) {
        for (OutEdge e : outs) {
            e.stats.countPoints(n);
        }
        execCount += n;
    }

    /** A frame's points, ungrouped, timed once for the frame. */
    void processPoints(List<Point> points) {
        if (tap != null) {
            List<Message> ms = new ArrayList<>(points.size());
            points.forEach(p -> ms.add(PointMessage.ungrouped(p)));
            tap.accept(ms);
        }
        long start = System.nanoTime();
        for (int i = 0; i < points.size(); i++) {
            try {
                operator.processPoint(points.get(i), this);
            } catch (RuntimeException e) {
                error(String.valueOf(e.getMessage()));
            }
        }
        execNanos += System.nanoTime() - start;
        execCount += points.size();
    }

    /**
     * A message from a chained parent, handled at once. Not timed on its own: the chain's head times the whole
     * frame, so its avg_exec_time_ns includes the nodes chained after it (as Flink reports a chain).
     */
    void processChained(int parent, Message m) {
        if (tap != null) {
            tap.accept(List.of(m));
        }
        processUntimed(parent, m);
        execCount++;
    }

    private void processUntimed(int parent, Message m) {
        try {
            operator.process(parent, m, this);
        } catch (RuntimeException e) {
            error(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void emit(Message m) {
        for (int i = 0; i < outs.size(); i++) {
            OutEdge e = outs.get(i);
            e.stats.count(m);
            if (e.chained != null) {
                e.chained.processChained(e.chainedParent, m);
            } else {
                e.buffer.add(m);
            }
        }
    }

    @Override
    public void error(String message) {
        errors++;
        // A bad field in every point must not flood the log: each distinct error is logged once per node (the
        // count stays exact in the node's errors stat); repeats go to debug.
        if (loggedErrors.size() < MAX_LOGGED_ERRORS && loggedErrors.add(message)) {
            LOG.error("task={} node={} err=\"{}\" (further identical errors are counted, not logged)", taskId,
                def.name(), message);
        } else {
            LOG.debug("task={} node={} err=\"{}\"", taskId, def.name(), message);
        }
    }

    /** Takes the frame's messages of each edge; the caller sends them. */
    List<EdgeFrame> drain() {
        List<EdgeFrame> frames = new ArrayList<>(outs.size());
        for (OutEdge e : outs) {
            if (e.buffer.isEmpty()) {
                frames.add(null);
            } else {
                frames.add(new EdgeFrame(e.buffer));
                // Sized as the last frame: frames of one task tend to be alike, and growing costs copies.
                e.buffer = new ArrayList<>(Math.max(10, e.buffer.size()));
            }
        }
        return frames;
    }

    long collected() {
        long c = 0;
        for (EdgeStats s : ins) {
            c += s.collected();
        }
        return c;
    }

    long emitted() {
        long c = 0;
        for (OutEdge e : outs) {
            c += e.stats.collected();
        }
        return c;
    }

    /** The node's own statistics as Kapacitor names them (without collected/emitted). */
    Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("avg_exec_time_ns", execCount == 0 ? 0 : execNanos / execCount);
        m.put("errors", errors);
        m.put("working_cardinality", operator.cardinality());
        m.putAll(operator.stats());
        return m;
    }
}
