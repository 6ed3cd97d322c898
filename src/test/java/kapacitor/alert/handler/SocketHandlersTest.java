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
    void snmpTrapSendsAV2cTrapOverUdp() throws Exception {
        LinkedBlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
        io.vertx.core.datagram.DatagramSocket udp = vertx.createDatagramSocket();
        udp.handler(p -> packets.add(p.data().getBytes()));
        int udpPort = Http.freePort();
        await(udp.listen(udpPort, "127.0.0.1"));
        config.put("snmptrap", new JsonObject().put("enabled", true).put("addr", "127.0.0.1:" + udpPort)
            .put("community", "public").put("retries", 3));
        AlertHandler h = HandlerFactory.create(vertx, "snmptrap", new JsonObject().put("trap-oid", "1.1.2")
            .put("data-list", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("oid", "1.1.2.1").put("type", "s").put("value", "{{.Message}}"))
                .add(new JsonObject().put("oid", "1.1.2.2").put("type", "s").put("value", "{{.Level}}"))
                .add(new JsonObject().put("oid", "1.1.2.3").put("type", "i").put("value", "-300"))
                .add(new JsonObject().put("oid", "1.1.2.4").put("type", "c").put("value", "4294967296"))));
        await(h.handle(Events.critical()));
        h.close();
        byte[] packet = packets.poll(10, TimeUnit.SECONDS);
        assertNotNull(packet, "no trap arrived");
        await(udp.close());

        Ber.Element msg = Ber.parse(packet);
        assertEquals(0x30, msg.tag());
        assertEquals(1, msg.child(0).integer(), "version 2c");
        assertEquals("public", msg.child(1).text());
        Ber.Element pdu = msg.child(2);
        assertEquals(0xA7, pdu.tag(), "SNMPv2-Trap-PDU");
        assertEquals(0, pdu.child(1).integer(), "error-status");
        assertEquals(0, pdu.child(2).integer(), "error-index");
        java.util.List<Ber.Element> binds = pdu.child(3).children();
        assertEquals(6, binds.size());
        assertEquals("1.3.6.1.2.1.1.3.0", binds.get(0).child(0).oid());
        assertEquals(0x43, binds.get(0).child(1).tag(), "TimeTicks");
        assertEquals(1000, binds.get(0).child(1).integer());
        assertEquals("1.3.6.1.6.3.1.1.4.1.0", binds.get(1).child(0).oid());
        assertEquals("1.1.2", binds.get(1).child(1).oid());
        assertEquals("1.1.2.1", binds.get(2).child(0).oid());
        assertEquals(0x04, binds.get(2).child(1).tag());
        assertEquals("message", binds.get(2).child(1).text());
        assertEquals("CRITICAL", binds.get(3).child(1).text());
        assertEquals(0x02, binds.get(4).child(1).tag());
        assertEquals(-300, binds.get(4).child(1).integer());
        assertEquals(0x46, binds.get(5).child(1).tag(), "Counter64");
        assertEquals(4294967296L, binds.get(5).child(1).integer());
    }

    @Test
    void snmpTrapRefusesUnsupportedTypes() {
        config.put("snmptrap", new JsonObject().put("enabled", true).put("addr", "127.0.0.1:1")
            .put("community", "public"));
        AlertHandler h = HandlerFactory.create(vertx, "snmptrap", new JsonObject().put("trap-oid", "1.1.2")
            .put("data-list", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("oid", "1.1.2.1").put("type", "a").put("value", "10.0.0.1"))));
        Exception e = assertThrows(Exception.class, () -> await(h.handle(Events.critical())));
        assertEquals("Snmptrap Datatype 'IP address' not supported", e.getMessage());
        h.close();
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
