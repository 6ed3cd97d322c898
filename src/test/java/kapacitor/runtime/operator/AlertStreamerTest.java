package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.app.Codecs;
import kapacitor.model.TaskType;
import kapacitor.pipeline.NodeDef;
import kapacitor.pipeline.Pipeline;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Kapacitor's TestStream_Alert* cases: the script's operators are driven in pipeline order and the bodies the post
 * handler sends to a local HTTP server must equal Kapacitor's alert data JSON.
 */
class AlertStreamerTest {
    private Vertx vertx;
    private HttpServer server;
    private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            bodies.add(b.toString());
            req.response().end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs the script over the data set and returns the operators by node name. */
    private void run(String task, String script, String data) throws Exception {
        Pipeline p = TickCompiler.compileTask(script, TaskType.STREAM, Map.of());
        Map<NodeDef, Operator> ops = new HashMap<>();
        for (NodeDef n : p.sorted()) {
            Operator op;
            if (n.type().equals("alert")) {
                op = new AlertOperator(n);
                ((TaskBound) op).bind(task, vertx);
            } else {
                op = OperatorFactory.create(n);
            }
            ops.put(n, op);
        }
        try (InputStream in = getClass().getResourceAsStream("/testdata/" + data + ".lp")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("db=") || line.startsWith("rp=")) {
                    continue;
                }
                push(ops, p.source(), PointMessage.ungrouped(LinePoints.parse(line)));
            }
        }
    }

    private void push(Map<NodeDef, Operator> ops, NodeDef node, Message m) {
        ops.get(node).process(m, new Output() {
            @Override
            public void emit(Message out) {
                for (NodeDef c : node.children()) {
                    push(ops, c, out);
                }
            }

            @Override
            public void error(String message) {
                throw new AssertionError(message);
            }
        });
    }

    @Test
    void streamAlert() throws Exception {
        String url = "http://127.0.0.1:" + server.actualPort() + "/";
        run("TestStream_Alert", """
            var infoThreshold = 6.0
            var warnThreshold = 7.0
            var critThreshold = 8.0
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |window()
                    .period(10s)
                    .every(10s)
                |count('value')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .details('details')
                    .idField('id')
                    .idTag('id')
                    .levelField('level')
                    .messageField('msg')
                    .levelTag('level')
                    .info(lambda: "count" > infoThreshold)
                    .warn(lambda: "count" > warnThreshold)
                    .crit(lambda: "count" > critThreshold)
                    .post('""" + url + "')\n", "stream_alert");
        String body = bodies.poll(10, TimeUnit.SECONDS);
        assertEquals("{\"id\":\"kapacitor/cpu/serverA\",\"message\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"details\":\"details\",\"time\":\"1971-01-01T00:00:10Z\",\"duration\":0,\"level\":\"CRITICAL\","
            + "\"data\":{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\"},\"columns\":[\"time\","
            + "\"count\"],\"values\":[[\"1971-01-01T00:00:10Z\",10]]}]},\"previousLevel\":\"OK\","
            + "\"recoverable\":true}\n", body);
        assertNull(bodies.poll(300, TimeUnit.MILLISECONDS));
    }
}
