package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal MQTT 3.1.1 publisher: one connection per message (CONNECT with clean session, PUBLISH at QoS 0, 1 or 2
 * with its acknowledgements, DISCONNECT), bounded by a timeout.
 */
public final class MqttPublisher {
    private static final int CONNECT = 1;
    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int PUBREC = 5;
    private static final int PUBREL = 6;
    private static final int PUBCOMP = 7;
    private static final int DISCONNECT = 14;
    private static final int PACKET_ID = 1;

    /** A broker: its {@code tcp://host:port} (or ssl://, tls://) URL, client id and credentials. */
    public record Broker(String url, String clientId, String username, String password) {
    }

    private final Vertx vertx;
    private final NetClient plain;
    private final NetClient tls;

    public MqttPublisher(Vertx vertx) {
        this.vertx = vertx;
        this.plain = vertx.createNetClient(new NetClientOptions().setConnectTimeout(HttpSender.CONNECT_TIMEOUT_MS));
        this.tls = vertx.createNetClient(new NetClientOptions().setConnectTimeout(HttpSender.CONNECT_TIMEOUT_MS)
            .setSsl(true));
    }

    /** Kapacitor's QoS names: at-most-once, at-least-once, exactly-once ("exactly-one" as its parser spells it). */
    public static int qosOf(String name) {
        switch (name) {
            case "at-most-once":
                return 0;
            case "at-least-once":
                return 1;
            case "exactly-one":
            case "exactly-once":
                return 2;
            default:
                return -1;
        }
    }

    public static String qosName(int qos) {
        return qos == 0 ? "at-most-once" : qos == 1 ? "at-least-once" : "exactly-once";
    }

    public Future<Void> publish(Broker broker, String topic, int qos, boolean retained, byte[] payload) {
        URI u;
        try {
            u = new URI(broker.url());
        } catch (Exception e) {
            return Future.failedFuture(new HandlerException("invalid MQTT broker URL " + broker.url()));
        }
        String scheme = u.getScheme() == null ? "tcp" : u.getScheme();
        boolean secure = scheme.equals("ssl") || scheme.equals("tls") || scheme.equals("tcps");
        int port = u.getPort() > 0 ? u.getPort() : secure ? 8883 : 1883;
        Promise<Void> done = Promise.promise();
        (secure ? tls : plain).connect(port, u.getHost()).onComplete(ar -> {
            if (ar.failed()) {
                done.tryFail(ar.cause());
                return;
            }
            NetSocket so = ar.result();
            long timer = vertx.setTimer(HttpSender.IDLE_TIMEOUT_MS, t -> {
                done.tryFail(new HandlerException("mqtt: timed out waiting for the broker"));
                so.close();
            });
            new Session(so).run(broker, topic, qos, retained, payload).onComplete(r -> {
                vertx.cancelTimer(timer);
                so.close();
                if (r.succeeded()) {
                    done.tryComplete();
                } else {
                    done.tryFail(r.cause());
                }
            });
        });
        return done.future();
    }

    public void close() {
        plain.close();
        tls.close();
    }

    private record Packet(int type, Buffer body) {
    }

    private static final class Session {
        private final NetSocket so;
        private Buffer pending = Buffer.buffer();
        private final Deque<Packet> received = new ArrayDeque<>();
        private Promise<Packet> waiting;

        Session(NetSocket so) {
            this.so = so;
            so.handler(this::data);
            so.closeHandler(v -> {
                if (waiting != null) {
                    waiting.tryFail(new HandlerException("mqtt: connection closed by broker"));
                }
            });
        }

        private void data(Buffer b) {
            pending.appendBuffer(b);
            while (true) {
                int len = 0;
                int mult = 1;
                int i = 1;
                boolean complete = false;
                while (i < pending.length() && i <= 4) {
                    int d = pending.getByte(i) & 0xFF;
                    len += (d & 0x7F) * mult;
                    mult *= 128;
                    i++;
                    if ((d & 0x80) == 0) {
                        complete = true;
                        break;
                    }
                }
                if (!complete || pending.length() < i + len) {
                    return;
                }
                Packet p = new Packet((pending.getByte(0) & 0xFF) >> 4, pending.getBuffer(i, i + len));
                pending = pending.getBuffer(i + len, pending.length());
                if (waiting != null) {
                    Promise<Packet> w = waiting;
                    waiting = null;
                    w.complete(p);
                } else {
                    received.add(p);
                }
            }
        }

        private Future<Packet> next(int expectedType) {
            Future<Packet> f;
            if (!received.isEmpty()) {
                f = Future.succeededFuture(received.poll());
            } else {
                waiting = Promise.promise();
                f = waiting.future();
            }
            return f.compose(p -> p.type() == expectedType ? Future.succeededFuture(p)
                : Future.failedFuture(new HandlerException("mqtt: unexpected packet type " + p.type())));
        }

        Future<Void> run(Broker broker, String topic, int qos, boolean retained, byte[] payload) {
            so.write(connect(broker));
            return next(CONNACK).compose(p -> {
                int rc = p.body().length() >= 2 ? p.body().getByte(1) & 0xFF : -1;
                if (rc != 0) {
                    return Future.failedFuture(new HandlerException("mqtt: connection refused, return code " + rc));
                }
                so.write(publish(topic, qos, retained, payload));
                if (qos == 1) {
                    return next(PUBACK).mapEmpty();
                }
                if (qos == 2) {
                    return next(PUBREC).compose(r -> {
                        so.write(packet((PUBREL << 4) | 0x02, Buffer.buffer().appendUnsignedShort(PACKET_ID)));
                        return next(PUBCOMP);
                    }).mapEmpty();
                }
                return Future.succeededFuture();
            }).compose(v -> so.write(packet(DISCONNECT << 4, Buffer.buffer())));
        }

        private static Buffer connect(Broker b) {
            Buffer body = Buffer.buffer();
            string(body, "MQTT");
            body.appendByte((byte) 4);
            int flags = 0x02;
            if (!b.username().isEmpty()) {
                flags |= 0x80;
                if (!b.password().isEmpty()) {
                    flags |= 0x40;
                }
            }
            body.appendByte((byte) flags);
            body.appendUnsignedShort(60);
            string(body, b.clientId());
            if (!b.username().isEmpty()) {
                string(body, b.username());
                if (!b.password().isEmpty()) {
                    string(body, b.password());
                }
            }
            return packet(CONNECT << 4, body);
        }

        private static Buffer publish(String topic, int qos, boolean retained, byte[] payload) {
            Buffer body = Buffer.buffer();
            string(body, topic);
            if (qos > 0) {
                body.appendUnsignedShort(PACKET_ID);
            }
            body.appendBytes(payload);
            return packet((PUBLISH << 4) | (qos << 1) | (retained ? 1 : 0), body);
        }

        private static void string(Buffer b, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            b.appendUnsignedShort(bytes.length).appendBytes(bytes);
        }

        private static Buffer packet(int header, Buffer body) {
            Buffer out = Buffer.buffer().appendByte((byte) header);
            int len = body.length();
            do {
                int d = len % 128;
                len /= 128;
                out.appendByte((byte) (len > 0 ? d | 0x80 : d));
            } while (len > 0);
            return out.appendBuffer(body);
        }
    }
}
