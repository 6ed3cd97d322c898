package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import kapacitor.runtime.time.ManualClock;
import kapacitor.runtime.time.TaskClock;

import java.util.ArrayList;
import java.util.List;

/** Drives one operator directly: push messages, read what it emitted and the errors it reported. */
final class NodeHarness implements Output {
    static final long S = 1_000_000_000L;

    private final Operator operator;
    final List<Message> emitted = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    NodeHarness(Operator operator) {
        this.operator = operator;
    }

    /** Opens a context-aware operator with a manual clock; timer actions emit into this harness. */
    NodeHarness open(ManualClock clock) {
        ((ContextAware) operator).open(new NodeContext() {
            @Override
            public io.vertx.core.Vertx vertx() {
                throw new UnsupportedOperationException("no Vert.x in the harness");
            }

            @Override
            public TaskClock clock() {
                return clock;
            }

            @Override
            public Output output() {
                return NodeHarness.this;
            }

            @Override
            public Runnable run(Runnable action) {
                return action;
            }

            @Override
            public void self(Message m) {
                push(m);
            }
        });
        return this;
    }

    Operator operator() {
        return operator;
    }

    /** A message from the parent at {@code parent} (join, union). */
    NodeHarness push(int parent, Message m) {
        operator.process(parent, m, this);
        return this;
    }

    NodeHarness push(Message m) {
        operator.process(m, this);
        return this;
    }

    NodeHarness point(String name, Tags tags, Fields fields, long time, Dimensions dims) {
        return push(PointMessage.of(new Point(name, "db", "rp", tags, fields, time), dims));
    }

    NodeHarness value(long seconds, Object value) {
        return point("m", Tags.EMPTY, Fields.of("value", value), seconds * S, Dimensions.NONE);
    }

    List<BatchMessage> batches() {
        return emitted.stream().filter(m -> m instanceof BatchMessage).map(m -> (BatchMessage) m).toList();
    }

    List<Point> points() {
        return emitted.stream().filter(m -> m instanceof PointMessage).map(m -> ((PointMessage) m).point()).toList();
    }

    static BatchMessage batch(long time, Object... values) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Point("m", "", "", Tags.EMPTY, Fields.of("value", values[i]), i * S));
        }
        return BatchMessage.of("m", Tags.EMPTY, Dimensions.NONE, time, points);
    }

    @Override
    public void emit(Message m) {
        emitted.add(m);
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }
}
