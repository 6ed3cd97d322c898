package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The typed view of a merged configuration tree, built once at start-up. Sections the server reads today
 * have records; every other section stays available, with Kapacitor's names, through {@link #tree()}.
 */
public final class KapacitorConfig {

    private final ObjectNode tree;
    private final String hostname;
    private final Path dataDir;
    private final boolean skipConfigOverrides;
    private final String defaultRetentionPolicy;
    private final HttpConfig http;
    private final StorageConfig storage;
    private final LoggingConfig logging;
    private final ConfigOverrideConfig configOverride;
    private final ClusterConfig cluster;

    private KapacitorConfig(ObjectNode tree, Path home) {
        this.tree = tree;
        Section top = new Section("", tree);
        this.hostname = top.string("hostname");
        if (hostname.isEmpty()) {
            throw ConfigException.invalid("hostname", "must configure valid hostname");
        }
        String dir = top.string("data_dir");
        if (dir.isEmpty()) {
            throw ConfigException.invalid("data_dir", "must configure valid data dir");
        }
        this.dataDir = expandHome(dir, home);
        this.skipConfigOverrides = top.bool("skip-config-overrides");
        this.defaultRetentionPolicy = top.string("default-retention-policy");
        this.http = HttpConfig.from(Section.of(tree, "http"));
        this.storage = StorageConfig.from(Section.of(tree, "storage"));
        this.logging = LoggingConfig.from(Section.of(tree, "logging"));
        this.configOverride = ConfigOverrideConfig.from(Section.of(tree, "config-override"));
        this.cluster = ClusterConfig.from(Section.of(tree, "cluster"));
        if (Section.of(tree, "replay").string("dir").isEmpty()) {
            throw ConfigException.invalid("replay.dir", "must specify dir");
        }
        validateInfluxDb(tree);
    }

    /** Maps and validates a merged tree; the tree is copied, so later changes to it are not seen. */
    public static KapacitorConfig from(ObjectNode tree, Path home) {
        return new KapacitorConfig(tree.deepCopy(), home);
    }

    public String hostname() {
        return hostname;
    }

    /** data_dir with a leading {@code ~} expanded to the user's home. */
    public Path dataDir() {
        return dataDir;
    }

    public boolean skipConfigOverrides() {
        return skipConfigOverrides;
    }

    public String defaultRetentionPolicy() {
        return defaultRetentionPolicy;
    }

    public HttpConfig http() {
        return http;
    }

    public StorageConfig storage() {
        return storage;
    }

    public LoggingConfig logging() {
        return logging;
    }

    public ConfigOverrideConfig configOverride() {
        return configOverride;
    }

    public ClusterConfig cluster() {
        return cluster;
    }

    /** A copy of the whole merged tree, every section and key with Kapacitor's names. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** Kapacitor's rules across [[influxdb]]: unique names, one default among several enabled clusters. */
    private static void validateInfluxDb(ObjectNode tree) {
        JsonNode all = tree.get("influxdb");
        if (all == null || !all.isArray()) {
            return;
        }
        Set<String> names = new HashSet<>();
        String defaultName = null;
        int enabled = 0;
        for (int i = 0; i < all.size(); i++) {
            Section s = new Section("influxdb[" + i + "]", all.get(i));
            String name = s.string("name");
            if (name.isEmpty()) {
                throw ConfigException.invalid(s.key("name"), "influxdb cluster must be given a name");
            }
            if (!names.add(name)) {
                throw ConfigException.invalid("influxdb", "duplicate name \"" + name + "\" for influxdb configs");
            }
            if (s.bool("enabled") && s.bool("default")) {
                if (defaultName != null) {
                    throw ConfigException.invalid("influxdb",
                        "More than one InfluxDB default was specified: " + name + " " + defaultName);
                }
                defaultName = name;
            }
            if (s.bool("enabled")) {
                enabled++;
            }
            if (s.strings("urls").isEmpty()) {
                throw ConfigException.invalid(s.key("urls"), "must specify at least one InfluxDB URL");
            }
            String mode = s.string("subscription-mode");
            if (!mode.equals("cluster") && !mode.equals("server")) {
                throw ConfigException.invalid(s.key("subscription-mode"), "unknown subscription mode \"" + mode + "\"");
            }
            String protocol = s.string("subscription-protocol");
            // Empty takes the default (http), as Kapacitor's ApplyConditionalDefaults runs before Validate.
            if (!protocol.isEmpty() && !protocol.equals("http") && !protocol.equals("https")
                && !protocol.equals("udp")) {
                throw ConfigException.invalid(s.key("subscription-protocol"), "invalid subscription protocol, must be"
                    + " one of 'udp', 'http' or 'https', got \"" + protocol + "\"");
            }
        }
        if (enabled > 1 && defaultName == null) {
            throw ConfigException.invalid("influxdb",
                "at least one of the enabled InfluxDB clusters must be marked as default.");
        }
    }

    private static Path expandHome(String dir, Path home) {
        if (dir.equals("~")) {
            return home;
        }
        if (dir.startsWith("~/")) {
            return home.resolve(dir.substring(2));
        }
        return Path.of(dir);
    }
}
