package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sensu over TCP against a local socket that answers like the Sensu client socket. */
class SocketHandlersTest {
    private Vertx vertx;
    private FakeConfig config;
    private NetServer sensu;
    private int port;
    private volatile String answer = "ok";
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        config = new FakeConfig(vertx);
        port = Http.freePort();
        sensu = await(vertx.createNetServer().connectHandler(so -> {
            Buffer in = Buffer.buffer();
            so.handler(b -> {
                in.appendBuffer(b);
                if (in.toString().endsWith("\n")) {
                    received.add(in.toString());
                    so.end(Buffer.buffer(answer)).onComplete(v -> so.close());
                }
            });
        }).listen(port, "127.0.0.1"));
    }

    @AfterEach
    void tearDown() {
        await(sensu.close());
        await(vertx.close());
    }

    @Test
    void sensuWritesTheCheckResultWithMetadata() throws Exception {
        config.put("sensu", new JsonObject().put("enabled", true).put("addr", "127.0.0.1:" + port)
            .put("source", "Kapacitor"));
        AlertHandler h = HandlerFactory.create(vertx, "sensu", new JsonObject().put("source", "{{.TaskName}}")
            .put("metadata", new JsonObject().put("k1", "v1").put("k2", 5.0)));
        await(h.handle(Events.critical()));
        h.close();
        String got = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(got);
        assertEquals("{\"handlers\":null,\"k1\":\"v1\",\"k2\":5,\"name\":\"id\",\"output\":\"message\","
            + "\"source\":\"testAlertHandlers\",\"status\":2}\n", got);
    }

    @Test
    void sensuReportsWhatTheSocketAnswered() throws Exception {
        config.put("sensu", new JsonObject().put("enabled", true).put("addr", "127.0.0.1:" + port)
            .put("source", "Kapacitor").put("handlers", new io.vertx.core.json.JsonArray().add("h1")));
        answer = "bad check";
        AlertHandler h = HandlerFactory.create(vertx, "sensu", new JsonObject());
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("sensu socket error: bad check", e.getMessage());
        h.close();
        assertEquals("{\"handlers\":[\"h1\"],\"name\":\"id\",\"output\":\"message\",\"source\":\"Kapacitor\","
            + "\"status\":2}\n", received.poll(10, TimeUnit.SECONDS));
    }
}
