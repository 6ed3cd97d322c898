package kapacitor.alert.handler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesVersion;
import org.apache.kafka.metadata.properties.PropertiesUtils;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) inside the test JVM, on 127.0.0.1 ports picked
 * at start, with its log in a temporary directory removed on close.
 */
final class EmbeddedKafka implements AutoCloseable {
    private final Path logDir;
    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(Path logDir, KafkaRaftServer server, int port) {
        this.logDir = logDir;
        this.server = server;
        this.port = port;
    }

    static EmbeddedKafka start() throws IOException {
        quietLogs();
        Path dir = Files.createTempDirectory("kafka-test");
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // What `kafka-storage format` would write: the log directory's identity for this node and cluster.
        MetaProperties meta = new MetaProperties.Builder().setVersion(MetaPropertiesVersion.V1)
            .setClusterId(Uuid.randomUuid().toString()).setNodeId(1).setDirectoryId(Uuid.randomUuid()).build();
        PropertiesUtils.writePropertiesFile(meta.toProperties(), dir.resolve("meta.properties").toString(), false);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(dir, server, brokerPort);
    }

    private static void quietLogs() {
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /**
     * Reads a topic from its beginning until {@code count} records arrived and then {@code quiet} passed without
     * more, or until {@code timeout}.
     */
    List<ConsumerRecord<String, String>> read(String topic, int count, Duration quiet, Duration timeout) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(conf)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long end = System.nanoTime() + timeout.toNanos();
            long lastRecord = System.nanoTime();
            while (System.nanoTime() < end) {
                int before = out.size();
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
                if (out.size() > before) {
                    lastRecord = System.nanoTime();
                } else if (out.size() >= count && System.nanoTime() - lastRecord >= quiet.toNanos()) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
