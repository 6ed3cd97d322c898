package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import kapacitor.util.Durations;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The Kafka producers of the {@code [[kafka]]} clusters, one per cluster id, shared by all kafka handlers and the
 * service test of a Vert.x instance. A producer is created on first use and replaced when its cluster's live
 * config changes; those of clusters removed or disabled are closed when next noticed, and all of them when Vert.x
 * closes.
 */
final class KafkaClusters {
    private static final long DEFAULT_TIMEOUT_MS = 10_000;
    private static final long DEFAULT_BATCH_TIMEOUT_MS = 1_000;
    private static final Map<Vertx, KafkaClusters> BY_VERTX = new WeakHashMap<>();

    private record Producer(JsonObject config, Future<KafkaProducer<String, String>> producer) {
    }

    private final Vertx vertx;
    private final Map<String, Producer> producers = new HashMap<>();
    /** Closes under way, which Vert.x's close waits for. */
    private final Set<Future<Void>> closing = new HashSet<>();

    private KafkaClusters(Vertx vertx) {
        this.vertx = vertx;
    }

    static KafkaClusters of(Vertx vertx) {
        synchronized (BY_VERTX) {
            return BY_VERTX.computeIfAbsent(vertx, v -> {
                KafkaClusters c = new KafkaClusters(v);
                ((VertxInternal) v).addCloseHook(done -> {
                    synchronized (BY_VERTX) {
                        BY_VERTX.remove(v);
                    }
                    c.closeAll().onComplete(done);
                });
                return c;
            });
        }
    }

    /** The producer of an enabled cluster, or Kapacitor's {@code unknown cluster "id"} failure. */
    Future<KafkaProducer<String, String>> producer(String id) {
        return ServiceConfig.elements(vertx, "kafka").compose(list -> {
            JsonObject wanted;
            synchronized (this) {
                Map<String, JsonObject> enabled = new HashMap<>();
                for (JsonObject c : list) {
                    if (c.getBoolean("enabled", false)) {
                        enabled.put(c.getString("id", ""), c);
                    }
                }
                producers.entrySet().removeIf(e -> {
                    boolean gone = !e.getValue().config().equals(enabled.get(e.getKey()));
                    if (gone) {
                        close(e.getValue());
                    }
                    return gone;
                });
                wanted = enabled.get(id);
                if (wanted == null) {
                    return Future.failedFuture(new HandlerException("unknown cluster \"" + id + "\""));
                }
                Producer current = producers.get(id);
                if (current == null) {
                    current = new Producer(wanted.copy(), create(wanted.copy()));
                    producers.put(id, current);
                    Producer created = current;
                    // A producer that could not be built is tried again on next use, not kept as a failure.
                    created.producer().onFailure(e -> forget(id, created));
                }
                return current.producer();
            }
        });
    }

    private Future<KafkaProducer<String, String>> create(JsonObject config) {
        // The client's constructor resolves the brokers and reads key files: off the event loop.
        return vertx.executeBlocking(() -> {
            org.apache.kafka.clients.producer.KafkaProducer<String, String> raw =
                new org.apache.kafka.clients.producer.KafkaProducer<>(properties(config), new StringSerializer(),
                    new StringSerializer());
            return KafkaProducer.create(vertx, raw);
        }, false);
    }

    private synchronized void forget(String id, Producer p) {
        producers.remove(id, p);
    }

    /** Closes a producer, giving messages still in its buffer up to the cluster's timeout to be delivered. */
    private synchronized void close(Producer p) {
        long timeout = millis(p.config().getValue("timeout"), DEFAULT_TIMEOUT_MS);
        Future<Void> f = p.producer().compose(k -> k.close(timeout), e -> Future.succeededFuture());
        closing.add(f);
        f.onComplete(r -> {
            synchronized (this) {
                closing.remove(f);
            }
        });
    }

    private synchronized Future<Void> closeAll() {
        producers.values().forEach(this::close);
        producers.clear();
        return Future.join(new ArrayList<>(closing)).mapEmpty();
    }

    /** The Java client's settings for a {@code [[kafka]]} element, as near as they go to Kapacitor's. */
    static Properties properties(JsonObject c) throws IOException {
        Properties p = new Properties();
        List<String> brokers = new ArrayList<>();
        c.getJsonArray("brokers", new JsonArray()).forEach(b -> brokers.add(String.valueOf(b)));
        if (brokers.isEmpty()) {
            throw new HandlerException("no brokers specified, must provide at least one broker URL");
        }
        p.put("bootstrap.servers", String.join(",", brokers));
        p.put("client.id", c.getString("id", ""));
        long timeout = millis(c.getValue("timeout"), DEFAULT_TIMEOUT_MS);
        p.put("request.timeout.ms", String.valueOf(timeout));
        p.put("socket.connection.setup.timeout.ms", String.valueOf(timeout));
        p.put("socket.connection.setup.timeout.max.ms", String.valueOf(timeout));
        // How long a send may wait for the topic's metadata before the alert reports the failure.
        p.put("max.block.ms", String.valueOf(timeout));
        // The Java client batches by bytes, not messages: a batch of one message means sending at once, anything
        // else waits up to the batch timeout for more.
        long linger = c.getInteger("batch-size", 0) == 1 ? 0 : millis(c.getValue("batch-timeout"),
            DEFAULT_BATCH_TIMEOUT_MS);
        p.put("linger.ms", String.valueOf(linger));
        p.put("delivery.timeout.ms", String.valueOf(Math.max(120_000, linger + timeout)));
        boolean ssl = c.getBoolean("use-ssl", false);
        boolean sasl = !c.getString("sasl-username", "").isEmpty() || !c.getString("sasl-mechanism", "").isEmpty();
        p.put("security.protocol", (sasl ? "SASL_" : "") + (ssl ? "SSL" : "PLAINTEXT"));
        if (ssl) {
            ssl(p, c);
        }
        if (sasl) {
            sasl(p, c);
        }
        return p;
    }

    private static void ssl(Properties p, JsonObject c) throws IOException {
        String ca = c.getString("ssl-ca", "");
        if (!ca.isEmpty()) {
            p.put("ssl.truststore.type", "PEM");
            p.put("ssl.truststore.certificates", read(ca));
        }
        String cert = c.getString("ssl-cert", "");
        String key = c.getString("ssl-key", "");
        if (!cert.isEmpty() && !key.isEmpty()) {
            p.put("ssl.keystore.type", "PEM");
            p.put("ssl.keystore.certificate.chain", read(cert));
            p.put("ssl.keystore.key", read(key));
        }
        if (c.getBoolean("insecure-skip-verify", false)) {
            // The Java client can drop the host name check only; the chain is still verified.
            p.put("ssl.endpoint.identification.algorithm", "");
        }
    }

    private static void sasl(Properties p, JsonObject c) {
        String mechanism = c.getString("sasl-mechanism", "");
        if (mechanism.isEmpty()) {
            mechanism = "PLAIN";
        }
        String module;
        switch (mechanism) {
            case "PLAIN":
                module = "org.apache.kafka.common.security.plain.PlainLoginModule";
                break;
            case "SCRAM-SHA-256":
            case "SCRAM-SHA-512":
                module = "org.apache.kafka.common.security.scram.ScramLoginModule";
                break;
            default:
                throw new HandlerException("sasl-mechanism " + mechanism + " is not supported by this build");
        }
        p.put("sasl.mechanism", mechanism);
        p.put("sasl.jaas.config", module + " required username=" + jaasQuote(c.getString("sasl-username", ""))
            + " password=" + jaasQuote(c.getString("sasl-password", "")) + ";");
    }

    private static String jaasQuote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    /** A config duration: a Go duration string ("10s") or nanoseconds; zero or absent means the default. */
    private static long millis(Object value, long defaultMs) {
        long nanos;
        if (value instanceof Number n) {
            nanos = n.longValue();
        } else if (value instanceof String s && !s.isEmpty()) {
            nanos = Durations.parseNanos(s);
        } else {
            nanos = 0;
        }
        return nanos <= 0 ? defaultMs : Math.max(1, nanos / 1_000_000);
    }
}
