package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import kapacitor.model.Point;
import kapacitor.model.TaskType;
import kapacitor.pipeline.NodeDef;
import kapacitor.pipeline.Pipeline;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.eval.TickCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a stream script's operators in pipeline order over a data set, as Kapacitor's testStreamer does: alert nodes
 * are bound to the task and Vert.x (so their handlers reach real local peers), httpOut nodes keep their result, and
 * every message an alert node emits is recorded.
 */
public final class ScriptRun {
    private final Map<NodeDef, Operator> ops = new HashMap<>();
    private final Pipeline pipeline;
    private final List<AlertOperator> alerts = new ArrayList<>();
    private final Map<String, HttpOutOperator> outs = new HashMap<>();
    private final List<Message> alertOutput = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ScriptRun(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Starts the task: builds and binds every operator. */
    public static ScriptRun start(Vertx vertx, String task, String script) {
        Pipeline p = TickCompiler.compileTask(script, TaskType.STREAM, Map.of());
        ScriptRun run = new ScriptRun(p);
        for (NodeDef n : p.sorted()) {
            Operator op;
            if (n.type().equals("alert")) {
                AlertOperator a = new AlertOperator(n);
                a.bind(task, "main", vertx);
                run.alerts.add(a);
                op = a;
            } else if (n.type().equals("http_post")) {
                // What reaches an httpPost child is recorded as the alert node's output.
                op = new NoOpOperator();
            } else {
                op = OperatorFactory.create(n);
                if (op instanceof HttpOutOperator h) {
                    run.outs.put(h.endpoint(), h);
                }
            }
            run.ops.put(n, op);
        }
        return run;
    }

    /** Starts the task and replays {@code /testdata/<data>.lp} through it. */
    public static ScriptRun run(Vertx vertx, String task, String script, String data) throws IOException {
        ScriptRun run = start(vertx, task, script);
        run.replay(data);
        return run;
    }

    public ScriptRun replay(String data) throws IOException {
        try (InputStream in = ScriptRun.class.getResourceAsStream("/testdata/" + data + ".lp")) {
            if (in == null) {
                throw new IOException("no test data " + data);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("db=") || line.startsWith("rp=")) {
                    continue;
                }
                push(LinePoints.parse(line));
            }
        }
        return this;
    }

    public ScriptRun push(Point p) {
        push(pipeline.source(), PointMessage.ungrouped(p));
        return this;
    }

    /** Stops the task: alert nodes leave their topics and drop their inhibitors. */
    public void stop() {
        alerts.forEach(AlertOperator::unbind);
    }

    public AlertOperator alert() {
        return alerts.get(0);
    }

    /** The httpOut node's result JSON. */
    public String httpOut(String endpoint) {
        return outs.get(endpoint).render();
    }

    public List<Message> alertOutput() {
        return alertOutput;
    }

    public List<String> errors() {
        return errors;
    }

    private void push(NodeDef node, Message m) {
        ops.get(node).process(m, new Output() {
            @Override
            public void emit(Message out) {
                if (node.type().equals("alert")) {
                    alertOutput.add(out);
                }
                for (NodeDef c : node.children()) {
                    push(c, out);
                }
            }

            @Override
            public void error(String message) {
                errors.add(node.name() + ": " + message);
            }
        });
    }
}
