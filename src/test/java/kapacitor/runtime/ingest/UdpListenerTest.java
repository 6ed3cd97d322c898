package kapacitor.runtime.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import kapacitor.model.DbRp;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class UdpListenerTest {
    @Test
    void datagramsFromAConfiguredUdpListenerReachTasks() throws Exception {
        int port = Http.freePort();
        // [[udp]] entries come from the config file in practice; the env form addresses element 0.
        java.nio.file.Path conf = java.nio.file.Files.createTempFile("kapacitor", ".conf");
        java.nio.file.Files.writeString(conf, "[[udp]]\n  enabled = true\n  bind-address = \"127.0.0.1:" + port
            + "\"\n  database = \"udpdb\"\n  retention-policy = \"udprp\"\n");
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_CONFIG_PATH", conf.toString()))) {
            LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
            TaskInbox inbox = new TaskInbox("udp", "test.udp.in", 64);
            server.vertx().eventBus().<Frame>localConsumer(inbox.address(), m -> {
                frames.add(m.body());
                m.body().inbox().done();
            });
            server.root().ingest().install(RoutingTable.of(List.of(
                new RoutingTable.Route(inbox, List.of(new DbRp("udpdb", "udprp")), null))));
            DatagramSocket client = server.vertx().createDatagramSocket();
            await(client.send(Buffer.buffer("cpu,host=a value=1 10\nbroken\ncpu,host=b value=2 20\n"), port,
                "127.0.0.1"));
            Frame f = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(f);
            assertEquals(2, f.points().size());
            assertEquals("udpdb", f.points().get(0).db());
            assertEquals(20L, f.points().get(1).time());
        }
    }
}
