package kapacitor.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the configuration like {@code kapacitord}: Kapacitor's defaults (paths under ~/.kapacitor), then
 * the TOML file, then {@code KAPACITOR_*} variables, then the -hostname / -log-file / -log-level flags.
 *
 * <p>The file is the {@code -config FILE} flag ({@code --config}, {@code -config=FILE} too; {@code /dev/null}
 * means none), else {@code KAPACITOR_CONFIG_PATH}, else the first non-empty of
 * {@code ~/.kapacitor/kapacitor.conf} and {@code /etc/kapacitor/kapacitor.conf}, as Kapacitor searches.
 */
public final class ConfigLoader {

    static final String CONFIG_PATH_ENV = "KAPACITOR_CONFIG_PATH";
    private static final String DEV_NULL = "/dev/null";

    private ConfigLoader() {
    }

    /** Loads for the current user, reading the process's arguments and environment as given. */
    public static LoadedConfig load(String[] args, Map<String, String> env) {
        return load(args, env, Path.of(System.getProperty("user.home")));
    }

    /** As {@link #load(String[], Map)}, with {@code home} standing for the user's home directory. */
    public static LoadedConfig load(String[] args, Map<String, String> env, Path home) {
        Flags flags = Flags.parse(args);
        List<String> warnings = new ArrayList<>();
        ObjectNode tree = ConfigSchema.defaults(home);
        Optional<Path> file = findConfigPath(flags.config(), env, home);
        if (file.isPresent()) {
            tree = FileOverlay.apply(tree, readToml(file.get()), warnings);
        }
        tree = EnvMapping.apply(tree, env);
        if (!flags.hostname().isEmpty()) {
            tree.put("hostname", flags.hostname());
        }
        ObjectNode logging = (ObjectNode) tree.get("logging");
        if (!flags.logFile().isEmpty()) {
            logging.put("file", flags.logFile());
        }
        if (!flags.logLevel().isEmpty()) {
            logging.put("level", flags.logLevel());
        }
        KapacitorConfig config = KapacitorConfig.from(tree, home);
        return new LoadedConfig(tree, config, file, List.copyOf(warnings));
    }

    /** Kapacitor's FindConfigPath. */
    static Optional<Path> findConfigPath(String flag, Map<String, String> env, Path home) {
        if (flag != null && !flag.isEmpty()) {
            return flag.equals(DEV_NULL) ? Optional.empty() : Optional.of(Path.of(flag));
        }
        String fromEnv = env.get(CONFIG_PATH_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(Path.of(fromEnv));
        }
        for (Path candidate : List.of(home.resolve(".kapacitor").resolve("kapacitor.conf"),
            Path.of("/etc/kapacitor/kapacitor.conf"))) {
            try {
                if (Files.isRegularFile(candidate) && Files.size(candidate) > 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // An unreadable candidate is skipped, as Kapacitor skips a failing os.Stat.
            }
        }
        return Optional.empty();
    }

    /** Parses TOML text into a tree (exposed for tests and for reading printed configurations back). */
    public static ObjectNode parseToml(String toml) {
        try {
            return TomlTrees.parse(toml);
        } catch (IOException e) {
            throw new ConfigException("parse config: " + e.getMessage(), e);
        }
    }

    private static ObjectNode readToml(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException("parse config: open " + path + ": " + e.getMessage(), e);
        }
        try {
            return TomlTrees.parse(text);
        } catch (IOException e) {
            throw new ConfigException("parse config: " + path + ": " + e.getMessage(), e);
        }
    }

    /** The flags of {@code kapacitord [run|config]} that touch configuration; others are left to Main. */
    record Flags(String config, String hostname, String logFile, String logLevel) {

        static Flags parse(String[] args) {
            String config = "";
            String hostname = "";
            String logFile = "";
            String logLevel = "";
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("-")) {
                    continue;
                }
                String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!name.equals("config") && !name.equals("hostname") && !name.equals("log-file")
                    && !name.equals("log-level")) {
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new ConfigException("flag needs an argument: -" + name);
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "config": config = value; break;
                    case "hostname": hostname = value; break;
                    case "log-file": logFile = value; break;
                    default: logLevel = value; break;
                }
            }
            return new Flags(config, hostname, logFile, logLevel);
        }
    }
}
