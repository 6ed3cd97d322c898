package kapacitor.runtime.ingest;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.ParseResult;
import kapacitor.lineprotocol.Precision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code [[udp]]} listener (Kapacitor's services/udp): every datagram is a line-protocol body with nanosecond
 * timestamps for the configured database and retention policy. Bad lines are counted and logged, good ones routed
 * like an HTTP write. Runs on its own event loop; the parser is confined to it.
 */
public final class UdpListenerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListenerVerticle.class);

    /** One {@code [[udp]]} entry. {@code readBuffer} is the socket receive buffer in bytes (0 = OS default). */
    public record Settings(String host, int port, String database, String retentionPolicy, int readBuffer) {
    }

    private final Settings settings;
    private final IngestRouter router;
    private final LineProtocolParser parser = new LineProtocolParser();
    private DatagramSocket socket;

    public UdpListenerVerticle(Settings settings, IngestRouter router) {
        this.settings = settings;
        this.router = router;
    }

    @Override
    public Future<?> start() {
        DatagramSocketOptions options = new DatagramSocketOptions();
        if (settings.readBuffer() > 0) {
            options.setReceiveBufferSize(settings.readBuffer());
        }
        socket = vertx.createDatagramSocket(options);
        socket.handler(this::onPacket);
        return socket.listen(settings.port(), settings.host())
            .onSuccess(s -> LOG.info("msg=\"listening on UDP\" addr={}:{} db={} rp={}", settings.host(),
                s.localAddress().port(), settings.database(), settings.retentionPolicy()));
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return socket.localAddress().port();
    }

    private void onPacket(DatagramPacket packet) {
        Buffer data = packet.data();
        IngestStats stats = router.stats();
        stats.bytesReceived.add(data.length());
        byte[] bytes = data.getBytes();
        ParseResult result = parser.parse(bytes, 0, bytes.length, settings.database(), settings.retentionPolicy(),
            Precision.NANOSECONDS, System.currentTimeMillis() * 1_000_000L);
        if (result.hasErrors()) {
            stats.parseErrors.add(result.droppedCount());
            LOG.debug("msg=\"failed to parse points\" service=udp error=\"{}\"", result.errorMessage());
        }
        if (!result.points().isEmpty()) {
            stats.pointsReceived.add(result.points().size());
            router.route(settings.database(), settings.retentionPolicy(), result.points());
        }
    }

    @Override
    public Future<?> stop() {
        return socket == null ? Future.succeededFuture() : socket.close();
    }
}
