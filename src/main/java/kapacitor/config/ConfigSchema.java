package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What Kapacitor's Go structs know and a JSON tree does not: which keys are durations, which tables are
 * free-form Go maps, which top-level arrays repeat a section, and what a new element of such a section
 * starts from. The defaults themselves live in {@code kapacitor-defaults.toml}.
 */
final class ConfigSchema {

    private static final String DEFAULTS_RESOURCE = "/kapacitor-defaults.toml";
    private static final String ELEMENTS_RESOURCE = "/kapacitor-element-defaults.toml";

    /** Keys whose Go type is a duration (toml.Duration or time.Duration); their names never mean anything else. */
    private static final Set<String> DURATION_KEYS = Set.of(
        "cache-expiration", "shutdown-timeout", "snapshot-interval", "interval", "timeout", "startup-timeout",
        "subscriptions-sync-interval", "idle-timeout", "stats-interval", "refresh-interval", "scrape-interval",
        "scrape-timeout", "batch-timeout", "sasl-oauth-token-expiry-margin", "group-idle-timeout");

    /** Go map fields: keys inside are user data, not configuration names. */
    private static final Set<String> MAP_KEYS = Set.of(
        "subscriptions", "excluded-subscriptions", "secrets", "sasl_extensions", "sasl-oauth-parameters",
        "headers", "labels", "params", "functions", "severity-map");

    /** Go maps of strings: the only maps Kapacitor fills from the environment (KAPACITOR_HTTPPOST_0_HEADERS_X). */
    private static final Set<String> STRING_MAP_KEYS = Set.of(
        "secrets", "sasl_extensions", "sasl-oauth-parameters", "headers", "labels");

    /** Sections decoded by Kapacitor's listmap: a single [table] is accepted as a one-element array. */
    private static final Set<String> LISTMAP_SECTIONS = Set.of("discord", "slack", "kubernetes");

    /** Sections tagged env-config:"implicit-index": KAPACITOR_KUBERNETES_ENABLED works like ..._0_ENABLED. */
    private static final Set<String> IMPLICIT_INDEX_SECTIONS = Set.of("kubernetes");

    /**
     * Kafka's SASL settings come from an embedded Go struct with no toml name, so Kapacitor's env names for
     * them carry an empty path segment: KAPACITOR_KAFKA_0__SASL_USERNAME.
     */
    private static final Set<String> KAFKA_EMBEDDED_KEYS = Set.of(
        "sasl-username", "sasl-password", "sasl_extensions", "sasl-mechanism", "sasl-gssapi-service-name",
        "sasl-gssapi-auth-type", "sasl-gssapi-disable-pafxfast", "sasl-gssapi-kerberos-config-path",
        "sasl-gssapi-key-tab-path", "sasl-gssapi-realm", "sasl-oauth-service", "sasl-oauth-client-id",
        "sasl-oauth-client-secret", "sasl-oauth-token-url", "sasl-oauth-scopes", "sasl-oauth-parameters",
        "sasl-oauth-token-expiry-margin", "sasl-access-token", "sasl-oauth-tenant-id");

    /** Go pointer fields that are nil by default: accepted in a file, absent from the defaults. */
    private static final Map<String, Set<String>> OPTIONAL_ELEMENT_KEYS = Map.of(
        "kafka", Set.of("sasl-version"),
        "scraper", Set.of("proxy-url"));

    /** Paths Kapacitor's NewDemoConfig places under ~/.kapacitor. */
    private static final String[][] HOME_RELATIVE_PATHS = {
        {"replay", "dir"}, {"task", "dir"}, {"storage", "boltdb"}, {"load", "dir"}};

    private static final ObjectNode BASE_DEFAULTS;
    private static final ObjectNode ELEMENT_DEFAULTS;

    static {
        ELEMENT_DEFAULTS = read(ELEMENTS_RESOURCE);
        BASE_DEFAULTS = read(DEFAULTS_RESOURCE);
        // Repeated sections that Kapacitor leaves nil still exist, empty, so the file and env layers know them.
        Iterator<String> names = ELEMENT_DEFAULTS.fieldNames();
        while (names.hasNext()) {
            String section = names.next();
            if (!BASE_DEFAULTS.has(section)) {
                BASE_DEFAULTS.putArray(section);
            }
        }
    }

    private ConfigSchema() {
    }

    /** Kapacitor's defaults as {@code kapacitord} uses them without a file: paths under {@code home/.kapacitor}. */
    static ObjectNode defaults(Path home) {
        ObjectNode tree = BASE_DEFAULTS.deepCopy();
        Path root = home.resolve(".kapacitor");
        tree.put("data_dir", root.toString());
        for (String[] p : HOME_RELATIVE_PATHS) {
            ObjectNode section = (ObjectNode) tree.get(p[0]);
            section.put(p[1], root.resolve(section.get(p[1]).asText()).normalize().toString());
        }
        return tree;
    }

    /** A fresh copy of what a new element of a repeated section starts from, or null if not repeated. */
    static ObjectNode elementTemplate(String section) {
        JsonNode arr = ELEMENT_DEFAULTS.get(section);
        return arr instanceof ArrayNode && arr.size() > 0 ? (ObjectNode) arr.get(0).deepCopy() : null;
    }

    static boolean isRepeatedSection(String section) {
        return ELEMENT_DEFAULTS.has(section);
    }

    static boolean isDuration(String key) {
        return DURATION_KEYS.contains(key);
    }

    static boolean isMap(String key) {
        return MAP_KEYS.contains(key);
    }

    static boolean isStringMap(String key) {
        return STRING_MAP_KEYS.contains(key);
    }

    static boolean acceptsSingleTable(String section) {
        return LISTMAP_SECTIONS.contains(section);
    }

    static boolean hasImplicitIndex(String section) {
        return IMPLICIT_INDEX_SECTIONS.contains(section);
    }

    static boolean isEmbeddedKafkaKey(String section, String key) {
        return "kafka".equals(section) && KAFKA_EMBEDDED_KEYS.contains(key);
    }

    static boolean isOptionalElementKey(String section, String key) {
        return OPTIONAL_ELEMENT_KEYS.getOrDefault(section, Set.of()).contains(key);
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return TomlTrees.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
