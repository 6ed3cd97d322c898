package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Kapacitor's override.OverrideConfig over JSON: the overridable sections of the file configuration, with stored
 * overrides applied one after another, each checked as Kapacitor checks it. Elements use the API's option names;
 * a Go nil slice or map is a JSON null, as Kapacitor's GET answers show it.
 */
public final class ConfigMerger {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INFLUXDB_NAME = Pattern.compile("^[-._\\p{L}0-9]+$");

    private ConfigMerger() {
    }

    /** The overridable sections of a merged file/env configuration tree, every section present. */
    public static Map<String, List<ObjectNode>> base(ObjectNode tree) {
        Map<String, List<ObjectNode>> out = new TreeMap<>();
        for (SectionSchema schema : SectionSchemas.all().values()) {
            JsonNode v = tree.get(schema.name());
            List<ObjectNode> elements = new ArrayList<>();
            if (v instanceof ArrayNode a) {
                a.forEach(e -> {
                    if (e instanceof ObjectNode o) {
                        elements.add(element(schema, o));
                    }
                });
            } else if (v instanceof ObjectNode o) {
                elements.add(element(schema, o));
            }
            out.put(schema.name(), elements);
        }
        return out;
    }

    private static ObjectNode element(SectionSchema schema, ObjectNode file) {
        ObjectNode e = NODES.objectNode();
        schema.types().forEach((option, type) -> {
            JsonNode v = file.get(schema.tomlName(option));
            if (v == null) {
                v = schema.newElement().get(option);
            }
            e.set(option, nilIfEmpty(schema, option, type, v.deepCopy()));
        });
        return e;
    }

    /** TOML has no nil: an empty list or table where Go's default is a nil slice or map reads as nil. */
    private static JsonNode nilIfEmpty(SectionSchema schema, String option, OptionType type, JsonNode v) {
        boolean collection = type == OptionType.STRING_LIST || type == OptionType.STRING_MAP
            || type == OptionType.STRING_LIST_MAP;
        if (collection && v.isContainerNode() && v.isEmpty() && !schema.newElement().path(option).isContainerNode()) {
            return NODES.nullNode();
        }
        return v;
    }

    /** Applies overrides (in Kapacitor's order, by ID) to a copy of {@code base}; fails with Kapacitor's text. */
    public static Map<String, List<ObjectNode>> apply(Map<String, List<ObjectNode>> base,
                                                      List<StoredOverride> overrides) {
        Map<String, List<ObjectNode>> out = new TreeMap<>();
        base.forEach((name, elements) -> {
            List<ObjectNode> copy = new ArrayList<>();
            elements.forEach(e -> copy.add(e.deepCopy()));
            out.put(name, copy);
        });
        List<StoredOverride> ordered = new ArrayList<>(overrides);
        ordered.sort(Comparator.comparing(StoredOverride::id));
        for (StoredOverride o : ordered) {
            String element = o.create() ? "" : o.element();
            try {
                applyOne(out, o, element);
            } catch (OverrideException e) {
                throw new OverrideException("failed to override configuration " + o.section() + "/" + element + ": "
                    + e.getMessage());
            }
        }
        for (Map.Entry<String, List<ObjectNode>> s : out.entrySet()) {
            SectionSchema schema = SectionSchemas.get(s.getKey());
            Set<String> seen = new HashSet<>();
            for (ObjectNode e : s.getValue()) {
                String id = elementId(schema, e);
                if (!seen.add(id)) {
                    throw new OverrideException("failed to read sections from configuration object: section \""
                        + s.getKey() + "\" has duplicate elements: \"" + id + "\"");
                }
            }
            s.getValue().sort(Comparator.comparing(e -> elementId(schema, e)));
        }
        return out;
    }

    /** The element's name: its element key's value, "" in a single-element section. */
    public static String elementId(SectionSchema schema, ObjectNode element) {
        if (!schema.isList()) {
            return "";
        }
        JsonNode v = element.get(schema.elementKey());
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static void applyOne(Map<String, List<ObjectNode>> sections, StoredOverride o, String element) {
        SectionSchema schema = SectionSchemas.get(o.section());
        Set<String> used = new HashSet<>();
        List<ObjectNode> targets = new ArrayList<>();
        if (schema != null) {
            List<ObjectNode> elements = sections.get(o.section());
            String name = element;
            if (o.create()) {
                name = create(schema, elements, o.options());
                used.add(schema.elementKey());
            }
            for (ObjectNode e : elements) {
                // An empty element name on a list section matches every element, as Kapacitor's walker does.
                if (!schema.isList() || name.isEmpty() || name.equals(elementId(schema, e))) {
                    targets.add(e);
                }
            }
            for (ObjectNode target : targets) {
                setOptions(schema, target, o, used);
            }
        }
        TreeSet<String> unused = new TreeSet<>();
        o.options().fieldNames().forEachRemaining(n -> {
            if (!used.contains(n)) {
                unused.add(n);
            }
        });
        if (!unused.isEmpty()) {
            throw new OverrideException("unknown options [" + String.join(" ", unused) + "] in section "
                + o.section());
        }
        if (schema == null) {
            throw new OverrideException("unknown section " + o.section());
        }
        boolean single = !schema.isList() || !element.isEmpty() || o.create();
        if (single && targets.size() == 1) {
            validate(schema, targets.get(0));
        }
    }

    private static String create(SectionSchema schema, List<ObjectNode> elements, ObjectNode options) {
        if (!schema.isList()) {
            throw new OverrideException("cannot create new element, no element key found. An element key must be "
                + "specified via the `override:\",element-key=<field name>\"` struct tag");
        }
        JsonNode key = options.get(schema.elementKey());
        if (key == null) {
            throw new OverrideException("element key \"" + schema.elementKey() + "\" not present in options");
        }
        if (!key.isTextual()) {
            throw new OverrideException("type of element key must be a string, got " + WeakCopy.goType(key) + " ");
        }
        ObjectNode created = schema.newElement().deepCopy();
        created.set(schema.elementKey(), key);
        elements.add(created);
        return key.asText();
    }

    private static void setOptions(SectionSchema schema, ObjectNode target, StoredOverride o, Set<String> used) {
        for (Map.Entry<String, OptionType> option : schema.types().entrySet()) {
            String name = option.getKey();
            JsonNode value = o.options().get(name);
            if (value == null && !o.options().has(name)) {
                continue;
            }
            if (!o.create() && name.equals(schema.elementKey())) {
                throw new OverrideException("cannot override element key " + name);
            }
            try {
                target.set(name, WeakCopy.convert(value, option.getValue(), target.get(name)));
            } catch (OverrideException e) {
                throw new OverrideException("cannot set option " + name + ": " + e.getMessage());
            }
            used.add(name);
        }
    }

    /** The Validate() of the element types that have one among the overridable sections. */
    private static void validate(SectionSchema schema, ObjectNode e) {
        if (!schema.name().equals("influxdb")) {
            return;
        }
        String problem = influxdbProblem(e);
        if (problem != null) {
            throw new OverrideException("failed validation: " + problem);
        }
    }

    private static String influxdbProblem(ObjectNode e) {
        String name = e.path("name").asText("");
        if (name.isEmpty()) {
            return "influxdb cluster must be given a name";
        }
        if (!INFLUXDB_NAME.matcher(name).matches()) {
            return "influxdb cluster name must contain only numbers, letters or '.', '-', and '_' characters";
        }
        JsonNode urls = e.get("urls");
        if (urls == null || !urls.isArray() || urls.isEmpty()) {
            return "must specify at least one InfluxDB URL";
        }
        String protocol = e.path("subscription-protocol").asText("");
        if (!protocol.equals("http") && !protocol.equals("https") && !protocol.equals("udp")) {
            return "invalid subscription protocol, must be one of 'udp', 'http' or 'https', got \"" + protocol + "\"";
        }
        String compression = e.path("compression").asText("");
        if (!compression.equals("gzip") && !compression.equals("none")) {
            return "Invalid compression, must be one of 'gzip' or 'none', got " + compression;
        }
        return null;
    }

    /** Unredacted copies of a section's elements, for services reading their live configuration. */
    public static List<ObjectNode> copy(List<ObjectNode> elements) {
        List<ObjectNode> out = new ArrayList<>();
        elements.forEach(e -> out.add(e.deepCopy()));
        return out;
    }
}
