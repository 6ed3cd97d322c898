package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.util.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of one table of the merged tree; every failure names the full key. */
final class Section {

    private final String name;
    private final JsonNode table;

    Section(String name, JsonNode table) {
        this.name = name;
        this.table = table;
    }

    static Section of(ObjectNode tree, String section) {
        JsonNode table = tree.get(section);
        if (table == null || !table.isObject()) {
            throw new ConfigException("missing section [" + section + "]");
        }
        return new Section(section, table);
    }

    String key(String key) {
        return name.isEmpty() ? key : name + "." + key;
    }

    String string(String key) {
        JsonNode v = get(key);
        if (!v.isTextual()) {
            throw ConfigException.invalid(key(key), "expected a string, got " + FileOverlay.typeName(v));
        }
        return v.asText();
    }

    boolean bool(String key) {
        JsonNode v = get(key);
        if (!v.isBoolean()) {
            throw ConfigException.invalid(key(key), "expected a boolean, got " + FileOverlay.typeName(v));
        }
        return v.booleanValue();
    }

    long integer(String key) {
        JsonNode v = get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ConfigException.invalid(key(key), "expected an integer, got " + FileOverlay.typeName(v));
        }
        return v.longValue();
    }

    Duration duration(String key) {
        try {
            return Durations.parse(string(key));
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(key(key), e.getMessage());
        }
    }

    List<String> strings(String key) {
        JsonNode v = get(key);
        if (!v.isArray()) {
            throw ConfigException.invalid(key(key), "expected an array of strings, got " + FileOverlay.typeName(v));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw ConfigException.invalid(key(key), "expected an array of strings, found "
                    + FileOverlay.typeName(item));
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    private JsonNode get(String key) {
        JsonNode v = table.get(key);
        if (v == null) {
            throw ConfigException.invalid(key(key), "missing");
        }
        return v;
    }
}
