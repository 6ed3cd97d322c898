package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One element as the config API shows it: options sorted by name (a Go map), each redacted option replaced by
 * whether it is set, and the redacted names in struct order ({@code null} when the section has none, as Go's nil
 * slice encodes).
 */
public record ElementView(String id, Map<String, JsonNode> options, List<String> redacted) {

    public static ElementView of(SectionSchema schema, ObjectNode element) {
        Map<String, JsonNode> options = new TreeMap<>();
        List<String> redacted = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (schema.isRedacted(name)) {
                options.put(name, BooleanNode.valueOf(!SectionSchema.isZero(f.getValue())));
                redacted.add(name);
            } else {
                options.put(name, shown(schema, name, f.getValue()));
            }
        }
        return new ElementView(ConfigMerger.elementId(schema, element), Collections.unmodifiableMap(options),
            redacted.isEmpty() ? null : List.copyOf(redacted));
    }

    /** Zenoss's severity map is a Go struct whose JSON names are lower case. */
    private static JsonNode shown(SectionSchema schema, String name, JsonNode value) {
        if (!(schema.name().equals("zenoss") && name.equals("severity-map") && value instanceof ObjectNode o)) {
            return value;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        o.fields().forEachRemaining(f -> out.set(f.getKey().toLowerCase(Locale.ROOT), f.getValue()));
        return out;
    }
}
