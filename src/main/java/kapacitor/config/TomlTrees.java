package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TOML into trees whose numbers have one representation (long for integers, double for floats), so
 * that trees from the defaults, a file and the printer compare equal when their values are equal.
 */
final class TomlTrees {

    private static final TomlMapper MAPPER = new TomlMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TomlTrees() {
    }

    static ObjectNode parse(String toml) throws IOException {
        JsonNode node = MAPPER.readTree(toml);
        return node instanceof ObjectNode ? (ObjectNode) normalize(node) : NODES.objectNode();
    }

    static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                obj.set(name, normalize(obj.get(name)));
            }
            return obj;
        }
        if (node.isArray()) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, normalize(arr.get(i)));
            }
            return arr;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return NODES.numberNode(node.longValue());
        }
        if (node.isFloatingPointNumber()) {
            return NODES.numberNode(node.doubleValue());
        }
        return node;
    }
}
