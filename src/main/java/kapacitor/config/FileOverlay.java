package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.util.Durations;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lays a user's TOML tree over the defaults the way Kapacitor's TOML decoding does: keys replace keys,
 * Go maps gain entries, a repeated section ([[influxdb]]) becomes exactly the file's elements, each
 * starting from that section's element defaults. Types must match the defaults; unknown names are
 * ignored with a warning (Kapacitor ignores them silently).
 */
final class FileOverlay {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FileOverlay() {
    }

    /** Returns a new tree; {@code warnings} receives one line per ignored section or key. */
    static ObjectNode apply(ObjectNode defaults, ObjectNode file, List<String> warnings) {
        ObjectNode result = defaults.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = file.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (!result.has(name)) {
                warnings.add(value.isObject() || isTableArray(value)
                    ? "unknown section [" + name + "] in configuration file ignored"
                    : "unknown key " + name + " in configuration file ignored");
                continue;
            }
            if (ConfigSchema.isRepeatedSection(name)) {
                result.set(name, repeatedSection(name, value, warnings));
            } else {
                result.set(name, merge(name, name, result.get(name), value, warnings));
            }
        }
        return result;
    }

    private static ArrayNode repeatedSection(String section, JsonNode value, List<String> warnings) {
        ArrayNode out = NODES.arrayNode();
        List<JsonNode> elements;
        if (value.isArray()) {
            elements = new java.util.ArrayList<>();
            value.forEach(elements::add);
        } else if (value.isObject() && ConfigSchema.acceptsSingleTable(section)) {
            elements = List.of(value);
        } else {
            throw ConfigException.invalid(section, "expected one or more [[" + section + "]] tables, got "
                + typeName(value));
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String path = section + "[" + i + "]";
            if (!element.isObject()) {
                throw ConfigException.invalid(path, "expected a table, got " + typeName(element));
            }
            ObjectNode merged = ConfigSchema.elementTemplate(section);
            Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey();
                if (!merged.has(key)) {
                    if (ConfigSchema.isOptionalElementKey(section, key)) {
                        merged.set(key, f.getValue());
                    } else {
                        warnings.add("unknown key " + path + "." + key + " in configuration file ignored");
                    }
                    continue;
                }
                merged.set(key, merge(path + "." + key, key, merged.get(key), f.getValue(), warnings));
            }
            out.add(merged);
        }
        return out;
    }

    /** Merges one value over its default; {@code path} names it in messages, {@code key} is its own name. */
    private static JsonNode merge(String path, String key, JsonNode current, JsonNode value, List<String> warnings) {
        if (current.isObject()) {
            if (!value.isObject()) {
                throw incompatible(path, value, "table");
            }
            ObjectNode merged = ((ObjectNode) current).deepCopy();
            boolean freeForm = ConfigSchema.isMap(key);
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String child = f.getKey();
                if (freeForm) {
                    merged.set(child, f.getValue());
                } else if (!merged.has(child)) {
                    warnings.add("unknown key " + path + "." + child + " in configuration file ignored");
                } else {
                    merged.set(child, merge(path + "." + child, child, merged.get(child), f.getValue(), warnings));
                }
            }
            return merged;
        }
        if (current.isArray()) {
            if (!value.isArray()) {
                throw incompatible(path, value, "array");
            }
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw ConfigException.invalid(path, "incompatible types: TOML array element has type "
                        + typeName(item) + "; destination has type string");
                }
            }
            return value.deepCopy();
        }
        return scalar(path, key, current, value);
    }

    /** Converts a TOML scalar to the type of the default it replaces. */
    static JsonNode scalar(String path, String key, JsonNode current, JsonNode value) {
        if (ConfigSchema.isDuration(key)) {
            return duration(path, current, value);
        }
        if (current.isBoolean()) {
            if (!value.isBoolean()) {
                throw incompatible(path, value, "boolean");
            }
            return value;
        }
        if (current.isIntegralNumber()) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw incompatible(path, value, "integer");
            }
            return NODES.numberNode(value.longValue());
        }
        if (current.isNumber()) {
            if (!value.isNumber()) {
                throw incompatible(path, value, "float");
            }
            return NODES.numberNode(value.doubleValue());
        }
        if (!value.isTextual()) {
            throw incompatible(path, value, "string");
        }
        return value;
    }

    /** Durations decode from text (Go's ParseDuration); an integer is read as its text, so 0 is valid. */
    private static JsonNode duration(String path, JsonNode current, JsonNode value) {
        String text;
        if (value.isTextual()) {
            text = value.asText();
            if (text.isEmpty()) {
                // Kapacitor's toml.Duration ignores an empty value and keeps the default.
                return current;
            }
        } else if (value.isIntegralNumber()) {
            text = value.asText();
        } else {
            throw incompatible(path, value, "duration");
        }
        try {
            return NODES.textNode(Durations.formatNanos(Durations.parseNanos(text)));
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(path, e.getMessage());
        }
    }

    private static boolean isTableArray(JsonNode value) {
        return value.isArray() && value.size() > 0 && value.get(0).isObject();
    }

    private static ConfigException incompatible(String path, JsonNode value, String expected) {
        return ConfigException.invalid(path, "incompatible types: TOML value has type " + typeName(value)
            + "; destination has type " + expected);
    }

    static String typeName(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "float";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "table";
        }
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
