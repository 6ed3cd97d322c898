package kapacitor.runtime.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import kapacitor.app.Addresses;
import kapacitor.app.Codecs;
import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.LineProtocolWriter;
import kapacitor.lineprotocol.Precision;
import kapacitor.model.DbRp;
import kapacitor.model.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Points wanted by tasks on other nodes leave as one line-protocol buffer per (request, node). */
class RemoteRoutingTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        await(vertx.close());
    }

    private static List<Point> parse(String body) {
        return new LineProtocolParser().parse(body, "db", "rp", Precision.NANOSECONDS, 0).points();
    }

    private static List<String> lines(List<Point> points) {
        return points.stream().map(p -> LineProtocolWriter.toLine(p, Precision.NANOSECONDS)).toList();
    }

    @Test
    void oneBufferPerNodeWithOnlyTheWantedMeasurements() throws Exception {
        Codecs.register(vertx);
        IngestRouter router = new IngestRouter(vertx.eventBus(), new IngestStats());
        DbRp dbrp = new DbRp("db", "rp");
        router.installRemote(RemoteTable.of(List.of(
            new RemoteTable.Subscription("n1", Addresses.nodeIngest("n1"), List.of(dbrp), Set.of("cpu")),
            new RemoteTable.Subscription("n1", Addresses.nodeIngest("n1"), List.of(dbrp), Set.of("disk")),
            new RemoteTable.Subscription("n2", Addresses.nodeIngest("n2"), List.of(dbrp), null),
            new RemoteTable.Subscription("n2", Addresses.nodeIngest("n2"), List.of(dbrp), Set.of("cpu")))));
        LinkedBlockingQueue<Message<Buffer>> n1 = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Message<Buffer>> n2 = new LinkedBlockingQueue<>();
        await(vertx.eventBus().<Buffer>consumer(Addresses.nodeIngest("n1"), n1::add).completion());
        await(vertx.eventBus().<Buffer>consumer(Addresses.nodeIngest("n2"), n2::add).completion());

        List<Point> points = parse("cpu,host=a value=1 10\nmem free=2i 20\ndisk used=3.5,dev=\"sda\" 30\n"
            + "cpu,host=b value=4 40\n");
        router.route("db", "rp", points);
        router.route("other", "rp", points);

        Message<Buffer> toN1 = n1.poll(5, TimeUnit.SECONDS);
        assertNotNull(toN1);
        assertEquals("db", toN1.headers().get("db"));
        assertEquals("rp", toN1.headers().get("rp"));
        List<Point> got1 = parse(toN1.body().toString());
        assertEquals(lines(List.of(points.get(0), points.get(2), points.get(3))), lines(got1));
        Message<Buffer> toN2 = n2.poll(5, TimeUnit.SECONDS);
        assertNotNull(toN2);
        assertEquals(lines(points), lines(parse(toN2.body().toString())));
        // Exactly one message per node for the request, none for a dbrp nobody reads.
        assertNull(n1.poll(300, TimeUnit.MILLISECONDS));
        assertNull(n2.poll(10, TimeUnit.MILLISECONDS));
        assertEquals(2L, router.stats().remoteFramesSent.sum());
        assertEquals(7L, router.stats().remotePointsSent.sum());
    }

    @Test
    void routeLocalNeverForwards() throws Exception {
        Codecs.register(vertx);
        IngestRouter router = new IngestRouter(vertx.eventBus(), new IngestStats());
        router.installRemote(RemoteTable.of(List.of(new RemoteTable.Subscription("n1", Addresses.nodeIngest("n1"),
            List.of(new DbRp("db", "rp")), null))));
        LinkedBlockingQueue<Message<Buffer>> n1 = new LinkedBlockingQueue<>();
        await(vertx.eventBus().<Buffer>consumer(Addresses.nodeIngest("n1"), n1::add).completion());
        router.routeLocal("db", "rp", parse("cpu value=1 10\n"));
        assertNull(n1.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(Set.of("n1"), router.remote().nodesFor("db", "rp"));
    }
}
