package kapacitor.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import kapacitor.config.ClusterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Hazelcast cluster manager from {@code [cluster]}: the XML file named by {@code hazelcast-config} (the
 * built-in settings when it does not exist), then {@code port}, {@code members} and {@code public-address} on top.
 * Joining is always TCP-IP to the listed members; multicast stays off.
 */
public final class HazelcastSetup {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastSetup.class);

    private HazelcastSetup() {
    }

    public static HazelcastClusterManager clusterManager(ClusterConfig cluster) {
        // Read by Hazelcast when its classes initialise and when the instance starts; -D on the command line wins.
        defaultProperty("hazelcast.logging.type", "slf4j");
        defaultProperty("hazelcast.phone.home.enabled", "false");
        return new HazelcastClusterManager(config(cluster));
    }

    static Config config(ClusterConfig cluster) {
        Config conf = load(cluster.hazelcastConfig());
        // Without this a member waits ~5 s before joining (measured: 0.7 s instead of 5.7 s).
        if (conf.getProperty("hazelcast.wait.seconds.before.join") == null) {
            conf.setProperty("hazelcast.wait.seconds.before.join", "0");
        }
        // Vert.x leaves the cluster itself on close, after the placement verticle has released its leases;
        // Hazelcast's own hook would leave first.
        if (conf.getProperty("hazelcast.shutdownhook.enabled") == null) {
            conf.setProperty("hazelcast.shutdownhook.enabled", "false");
        }
        NetworkConfig net = conf.getNetworkConfig();
        if (cluster.port() > 0) {
            net.setPort(cluster.port());
        }
        if (!cluster.publicAddress().isEmpty()) {
            net.setPublicAddress(cluster.publicAddress());
        }
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true);
        if (!cluster.members().isEmpty()) {
            tcp.setMembers(cluster.members());
        } else if (tcp.getMembers().isEmpty()) {
            tcp.addMember("127.0.0.1");
        }
        return conf;
    }

    private static Config load(String path) {
        if (path != null && !path.isEmpty() && Files.isRegularFile(Path.of(path))) {
            try {
                return new FileSystemXmlConfig(path);
            } catch (FileNotFoundException e) {
                throw new IllegalStateException("cannot read Hazelcast config " + path, e);
            }
        }
        LOG.warn("msg=\"Hazelcast config not found, using built-in settings\" path={}", path);
        Config conf = new Config();
        conf.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        conf.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        return conf;
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
