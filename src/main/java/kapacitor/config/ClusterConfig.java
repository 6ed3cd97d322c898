package kapacitor.config;

import java.util.List;

/**
 * Our {@code [cluster]} section (not in Kapacitor): whether this node joins a Hazelcast cluster, the
 * Hazelcast XML to start from, the members to join, the member port and the address other members use.
 */
public record ClusterConfig(boolean enabled, String hazelcastConfig, List<String> members, int port,
                            String publicAddress) {

    static ClusterConfig from(Section s) {
        long port = s.integer("port");
        if (port < 1 || port > 65535) {
            throw ConfigException.invalid(s.key("port"), "port " + port + " out of range");
        }
        return new ClusterConfig(s.bool("enabled"), s.string("hazelcast-config"), s.strings("members"),
            (int) port, s.string("public-address"));
    }
}
