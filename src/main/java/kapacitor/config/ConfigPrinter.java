package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a configuration tree as Kapacitor-style TOML, the output of {@code kapacitord config}: top-level
 * keys, then {@code [section]} tables with two-space indented keys, {@code [[section]]} for repeated
 * sections and {@code [section.sub]} for nested tables. Reading the output back gives the same tree.
 */
public final class ConfigPrinter {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String INDENT = "  ";

    private ConfigPrinter() {
    }

    public static String toToml(ObjectNode tree) {
        StringBuilder out = new StringBuilder();
        writeKeys(out, tree, "", true);
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode value = e.getValue();
            String header = key(e.getKey());
            if (value.isObject()) {
                out.append('\n').append('[').append(header).append("]\n");
                writeTable(out, (ObjectNode) value, header, INDENT);
            } else if (isTableArray(value)) {
                for (JsonNode element : value) {
                    out.append('\n').append("[[").append(header).append("]]\n");
                    writeTable(out, (ObjectNode) element, header, INDENT);
                }
            }
        }
        return out.toString();
    }

    private static void writeTable(StringBuilder out, ObjectNode table, String header, String indent) {
        writeKeys(out, table, indent, false);
        Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode value = e.getValue();
            String childHeader = header + "." + key(e.getKey());
            if (value.isObject()) {
                out.append(indent).append('[').append(childHeader).append("]\n");
                writeTable(out, (ObjectNode) value, childHeader, indent + INDENT);
            } else if (isTableArray(value)) {
                for (JsonNode element : value) {
                    out.append(indent).append("[[").append(childHeader).append("]]\n");
                    writeTable(out, (ObjectNode) element, childHeader, indent + INDENT);
                }
            }
        }
    }

    /**
     * Writes the plain keys of a table. An empty top-level array is a repeated section with no element
     * (e.g. [[scraper]]) and, like Kapacitor's printer, is left out.
     */
    private static void writeKeys(StringBuilder out, ObjectNode table, String indent, boolean topLevel) {
        Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode value = e.getValue();
            if (value.isObject() || isTableArray(value) || (topLevel && value.isArray() && value.isEmpty())) {
                continue;
            }
            out.append(indent).append(key(e.getKey())).append(" = ").append(value(value)).append('\n');
        }
    }

    private static boolean isTableArray(JsonNode value) {
        return value.isArray() && value.size() > 0 && value.get(0).isObject();
    }

    private static String value(JsonNode value) {
        if (value.isTextual()) {
            return quote(value.asText());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(value(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isFloatingPointNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d)) {
                return "nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return Double.toString(d);
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new IllegalArgumentException("cannot write " + value.getNodeType() + " as TOML");
    }

    private static String key(String key) {
        return BARE_KEY.matcher(key).matches() ? key : quote(key);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\t': out.append("\\t"); break;
                case '\r': out.append("\\r"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
