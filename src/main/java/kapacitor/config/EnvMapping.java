package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.util.Durations;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's {@code KAPACITOR_*} environment overrides, as a pure function of a tree and an environment.
 *
 * <p>As in Kapacitor, the variable name is the path of toml names, upper-cased, dashes turned to
 * underscores and joined by {@code _}: {@code http.bind-address} is {@code KAPACITOR_HTTP_BIND_ADDRESS}.
 * Arrays take the index as a segment ({@code KAPACITOR_INFLUXDB_0_URLS_0}) and only existing elements
 * can be overridden; empty values are ignored; Go maps of strings take the map key verbatim
 * ({@code KAPACITOR_HTTPPOST_0_HEADERS_Authorization}); {@code [[kubernetes]]} with one element also answers
 * without the index. Values are parsed like Go's strconv (ParseBool, ParseInt base 0, ParseFloat) and
 * time.ParseDuration.
 *
 * <p>One addition for our own {@code [cluster]} section: {@code KAPACITOR_CLUSTER_MEMBERS} takes a
 * comma-separated list, because Kapacitor's rule could never fill a list that is empty by default.
 */
public final class EnvMapping {

    private static final String PREFIX = "KAPACITOR";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvMapping() {
    }

    /** Returns a new tree with every matching variable of {@code env} applied. */
    public static ObjectNode apply(ObjectNode tree, Map<String, String> env) {
        ObjectNode result = tree.deepCopy();
        // Sorted so that map entries created from the environment come out in a stable order.
        Map<String, String> sorted = new TreeMap<>(env);
        applyTable(result, PREFIX, "", null, sorted);
        applyClusterMembers(result, sorted);
        return result;
    }

    /** The variable name Kapacitor reads for a key path, e.g. ("http", "bind-address"). */
    public static String variableName(String... segments) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (String s : segments) {
            name.append('_').append(segment(s));
        }
        return name.toString();
    }

    private static String segment(String tomlName) {
        return tomlName.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static void applyTable(ObjectNode table, String prefix, String path, String section,
                                   Map<String, String> env) {
        List<String> keys = new ArrayList<>();
        table.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode value = table.get(key);
            String owner = section == null ? key : section;
            String separator = ConfigSchema.isEmbeddedKafkaKey(section, key) ? "__" : "_";
            String name = prefix + separator + segment(key);
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (value.isObject()) {
                if (ConfigSchema.isMap(key)) {
                    if (ConfigSchema.isStringMap(key)) {
                        applyStringMap((ObjectNode) value, name, env);
                    }
                } else {
                    applyTable((ObjectNode) value, name, keyPath, owner, env);
                }
            } else if (value.isArray()) {
                applyArray((ArrayNode) value, name, keyPath, key, owner, section == null, env);
            } else {
                JsonNode parsed = parse(keyPath, key, value, name, env.get(name));
                if (parsed != null) {
                    table.set(key, parsed);
                }
            }
        }
    }

    private static void applyArray(ArrayNode array, String name, String keyPath, String key, String owner,
                                   boolean topLevel, Map<String, String> env) {
        int size = array.size();
        for (int i = 0; i < size; i++) {
            JsonNode element = array.get(i);
            String elementPath = keyPath + "[" + i + "]";
            if (element.isObject()) {
                if (topLevel && size == 1 && ConfigSchema.hasImplicitIndex(key)) {
                    applyTable((ObjectNode) element, name, elementPath, owner, env);
                }
                applyTable((ObjectNode) element, name + "_" + i, elementPath, owner, env);
            } else {
                String elementName = name + "_" + i;
                JsonNode parsed = parse(elementPath, key, element, elementName, env.get(elementName));
                if (parsed != null) {
                    array.set(i, parsed);
                }
            }
        }
    }

    /** Kapacitor matches every variable starting with the map's name and keeps the rest as the map key. */
    private static void applyStringMap(ObjectNode map, String name, Map<String, String> env) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(name) || e.getValue().isEmpty()) {
                continue;
            }
            String mapKey = stripLeadingUnderscores(e.getKey().substring(name.length()));
            if (!mapKey.isEmpty()) {
                map.put(mapKey, e.getValue());
            }
        }
    }

    private static String stripLeadingUnderscores(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '_') {
            i++;
        }
        return s.substring(i);
    }

    private static void applyClusterMembers(ObjectNode tree, Map<String, String> env) {
        String value = env.get(variableName("cluster", "members"));
        JsonNode cluster = tree.get("cluster");
        if (value == null || value.isEmpty() || !(cluster instanceof ObjectNode)) {
            return;
        }
        ArrayNode members = NODES.arrayNode();
        for (String member : value.split(",")) {
            if (!member.isBlank()) {
                members.add(member.trim());
            }
        }
        ((ObjectNode) cluster).set("members", members);
    }

    /** Null when the variable is unset or empty (Kapacitor skips those). */
    private static JsonNode parse(String keyPath, String key, JsonNode current, String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (ConfigSchema.isDuration(key)) {
            try {
                return NODES.textNode(Durations.formatNanos(Durations.parseNanos(text)));
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(keyPath, "failed to unmarshal env var " + name + ": " + e.getMessage());
            }
        }
        try {
            if (current.isBoolean()) {
                return NODES.booleanNode(GoStrconv.parseBool(text));
            }
            if (current.isIntegralNumber()) {
                return NODES.numberNode(GoStrconv.parseInt(text));
            }
            if (current.isNumber()) {
                return NODES.numberNode(GoStrconv.parseFloat(text));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ConfigException.invalid(keyPath, "failed to apply " + name + " using type "
                + goType(current) + " and value '" + text + "'");
        }
        return NODES.textNode(text);
    }

    private static String goType(JsonNode current) {
        if (current.isBoolean()) {
            return "bool";
        }
        return current.isIntegralNumber() ? "int" : "float64";
    }

    /** The subset of Go's strconv that Kapacitor's env overrides use. */
    static final class GoStrconv {

        private GoStrconv() {
        }

        static boolean parseBool(String s) {
            switch (s) {
                case "1": case "t": case "T": case "TRUE": case "true": case "True":
                    return true;
                case "0": case "f": case "F": case "FALSE": case "false": case "False":
                    return false;
                default:
                    throw new IllegalArgumentException("invalid syntax");
            }
        }

        /** ParseInt(s, 0, 64): optional sign, 0x/0o/0b or leading-0 octal prefix, underscores after a digit. */
        static long parseInt(String s) {
            String t = s;
            boolean negative = false;
            if (t.startsWith("+") || t.startsWith("-")) {
                negative = t.charAt(0) == '-';
                t = t.substring(1);
            }
            if (t.startsWith("+") || t.startsWith("-")) {
                throw new IllegalArgumentException("invalid syntax");
            }
            int radix = 10;
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("0x")) {
                radix = 16;
                t = t.substring(2);
            } else if (lower.startsWith("0o")) {
                radix = 8;
                t = t.substring(2);
            } else if (lower.startsWith("0b")) {
                radix = 2;
                t = t.substring(2);
            } else if (t.length() > 1 && t.startsWith("0")) {
                radix = 8;
                t = t.substring(1);
            }
            if (t.startsWith("_")) {
                // "0x_1F" is valid Go; "_1" is not, and neither is a trailing or doubled underscore.
                if (radix == 10) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                t = t.substring(1);
            }
            if (t.isEmpty() || t.endsWith("_") || t.contains("__") || t.startsWith("_")) {
                throw new IllegalArgumentException("invalid syntax");
            }
            BigInteger value = new BigInteger(t.replace("_", ""), radix);
            if (negative) {
                value = value.negate();
            }
            return value.longValueExact();
        }

        static double parseFloat(String s) {
            String lower = s.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "inf": case "+inf": case "infinity": case "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan":
                    return Double.NaN;
                default:
                    if (!lower.equals(lower.strip()) || lower.endsWith("d") || lower.endsWith("f") || lower.contains("inf") || lower.contains("nan")) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    return Double.parseDouble(s.replace("_", ""));
            }
        }
    }
}
