package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.config.ConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sections Kapacitor's config API can override: the fields of its server Config tagged {@code override:"..."}
 * (server/config.go), with the redacted options of each service's Config. Option names and types come from the
 * defaults resources the config loader uses, so both agree on every key.
 */
public final class SectionSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Go durations among the overridable options (toml.Duration / time.Duration fields). */
    private static final Set<String> DURATIONS = Set.of("timeout", "startup-timeout", "subscriptions-sync-interval",
        "idle-timeout", "batch-timeout", "refresh-interval", "scrape-interval", "scrape-timeout",
        "sasl-oauth-token-expiry-margin");

    /** map[string][]string options; other tables are map[string]string unless listed as structs. */
    private static final Set<String> LIST_MAPS = Set.of("subscriptions", "excluded-subscriptions", "params");

    /** Nested Go structs rather than maps. */
    private static final Set<String> STRUCTS = Set.of("basic-auth", "severity-map");

    private static final Map<String, SectionSchema> ALL = build();

    private SectionSchemas() {
    }

    /** Every overridable section by name, sorted. */
    public static Map<String, SectionSchema> all() {
        return ALL;
    }

    public static SectionSchema get(String section) {
        return ALL.get(section);
    }

    private record Spec(String name, String elementKey, List<String> redacted, Map<String, String> renamed,
                        String init) {
    }

    private static List<Spec> specs() {
        Map<String, String> none = Map.of();
        return List.of(
            new Spec("influxdb", "name", List.of("password", "token"), none,
                "name = \"default\"\nurls = [\"http://localhost:8086\"]\nudp-buffer = 1000\n"
                    + "startup-timeout = \"5m0s\"\nsubscription-protocol = \"http\"\n"
                    + "subscriptions-sync-interval = \"1m0s\"\nsubscription-mode = \"cluster\"\n"
                    + "compression = \"gzip\"\n[excluded-subscriptions]\n_kapacitor = [\"autogen\"]\n"),
            single("alerta", "token"), single("bigpanda", "token"),
            list("discord", "workspace"),
            single("hipchat", "token"),
            list("kafka", "id"),
            list("mqtt", "name", "password"),
            single("opsgenie", "api-key"), single("opsgenie2", "api-key"),
            single("pagerduty", "service-key"), single("pagerduty2", "routing-key"),
            single("pushover", "token", "user-key"),
            list("httppost", "endpoint", "basic-auth"),
            new Spec("smtp", "", List.of("password"), Map.of("to-templates", "toTemplates"), ""),
            single("snmptrap", "community"), single("sensu"), single("servicenow", "password"),
            list("slack", "workspace", "url", "token"),
            single("talk", "url"), single("teams"), single("telegram", "token"), single("victorops", "api-key"),
            single("zenoss", "password"),
            new Spec("scraper", "name", List.of("password", "bearer-token"), none,
                "type = \"prometheus\"\nscrape-interval = \"1m0s\"\nscrape-timeout = \"10s\"\n"
                    + "metrics-path = \"/metrics\"\nscheme = \"http\"\n"),
            new Spec("azure", "id", List.of("client-secret"), none, "port = 80\nrefresh-interval = \"5m0s\"\n"),
            new Spec("consul", "id", List.of("token", "password"), none,
                "address = \"127.0.0.1:8500\"\ntag-separator = \",\"\nscheme = \"http\"\n"),
            new Spec("dns", "id", List.of(), none, "type = \"SRV\"\nrefresh-interval = \"30s\"\n"),
            new Spec("ec2", "id", List.of("secret-key"), none, "port = 80\nrefresh-interval = \"1m0s\"\n"),
            new Spec("file-discovery", "id", List.of(), none, "refresh-interval = \"5m0s\"\n"),
            new Spec("gce", "id", List.of(), none, "port = 80\ntag-separator = \",\"\nrefresh-interval = \"1m0s\"\n"),
            new Spec("marathon", "id", List.of("bearer-token"), none, "refresh-interval = \"30s\"\n"),
            new Spec("nerve", "id", List.of(), none, "timeout = \"10s\"\n"),
            new Spec("serverset", "id", List.of(), none, "timeout = \"10s\"\n"),
            new Spec("static-discovery", "id", List.of(), none, "targets = []\n[labels]\n"),
            new Spec("triton", "id", List.of(), none, "port = 9163\nrefresh-interval = \"1m0s\"\nversion = 1\n"),
            list("kubernetes", "id", "token"),
            list("swarm", "id"));
    }

    private static Spec single(String name, String... redacted) {
        return new Spec(name, "", List.of(redacted), Map.of(), "");
    }

    private static Spec list(String name, String key, String... redacted) {
        return new Spec(name, key, List.of(redacted), Map.of(), "");
    }

    private static Map<String, SectionSchema> build() {
        ObjectNode defaults = ConfigLoader.parseToml(resource("/kapacitor-defaults.toml"));
        ObjectNode elements = ConfigLoader.parseToml(resource("/kapacitor-element-defaults.toml"));
        Map<String, SectionSchema> out = new TreeMap<>();
        for (Spec spec : specs()) {
            JsonNode shape = spec.elementKey().isEmpty() ? defaults.get(spec.name()) : first(elements, spec.name());
            if (shape == null) {
                shape = first(defaults, spec.name());
            }
            if (!(shape instanceof ObjectNode template)) {
                throw new IllegalStateException("no defaults for overridable section [" + spec.name() + "]");
            }
            Map<String, String> tomlToApi = new LinkedHashMap<>();
            spec.renamed().forEach((api, toml) -> tomlToApi.put(toml, api));
            Map<String, OptionType> types = new LinkedHashMap<>();
            ObjectNode zero = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String api = tomlToApi.getOrDefault(f.getKey(), f.getKey());
                OptionType type = typeOf(f.getKey(), f.getValue());
                types.put(api, type);
                zero.set(api, zeroOf(type, f.getValue()));
            }
            ObjectNode init = ConfigLoader.parseToml(spec.init());
            init.fields().forEachRemaining(f -> zero.set(f.getKey(), f.getValue()));
            out.put(spec.name(), new SectionSchema(spec.name(), spec.elementKey(), Collections.unmodifiableMap(types),
                spec.redacted(), spec.renamed(), zero));
        }
        return Collections.unmodifiableMap(out);
    }

    private static JsonNode first(ObjectNode tree, String name) {
        JsonNode v = tree.get(name);
        return v instanceof ArrayNode a && a.size() > 0 ? a.get(0) : null;
    }

    static OptionType typeOf(String key, JsonNode v) {
        if (DURATIONS.contains(key)) {
            return OptionType.DURATION;
        }
        if (STRUCTS.contains(key)) {
            return OptionType.STRUCT;
        }
        if (v.isObject()) {
            return LIST_MAPS.contains(key) ? OptionType.STRING_LIST_MAP : OptionType.STRING_MAP;
        }
        if (v.isArray()) {
            return OptionType.STRING_LIST;
        }
        if (v.isBoolean()) {
            return OptionType.BOOL;
        }
        if (v.isIntegralNumber()) {
            return OptionType.INT;
        }
        if (v.isNumber()) {
            return OptionType.FLOAT;
        }
        return OptionType.STRING;
    }

    /** Go's zero value: nil for slices and maps, zero fields for structs. */
    private static JsonNode zeroOf(OptionType type, JsonNode template) {
        switch (type) {
            case STRING:
                return NODES.textNode("");
            case BOOL:
                return NODES.booleanNode(false);
            case INT:
                return NODES.numberNode(0L);
            case FLOAT:
                return NODES.numberNode(0.0);
            case DURATION:
                return NODES.textNode("0s");
            case STRUCT:
                ObjectNode z = NODES.objectNode();
                template.fieldNames().forEachRemaining(n -> z.put(n, ""));
                return z;
            default:
                return NODES.nullNode();
        }
    }

    private static String resource(String name) {
        try (InputStream in = SectionSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
