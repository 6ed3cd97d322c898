package kapacitor.service.alert;

import kapacitor.util.GoQuote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch over Jackson trees (add, remove, replace, move, copy, test), as Kapacitor applies patches to
 * handler specs. The document is copied first, so a failed patch leaves the original untouched.
 */
public final class JsonPatch {
    private final ArrayNode ops;

    private JsonPatch(ArrayNode ops) {
        this.ops = ops;
    }

    /** Fails with IllegalArgumentException when the body is not an array of operation objects. */
    public static JsonPatch of(JsonNode body) {
        if (body == null || !body.isArray()) {
            String kind = body == null || body.isNull() ? "null" : body.isObject() ? "object"
                : body.isTextual() ? "string" : body.isNumber() ? "number" : body.isBoolean() ? "bool" : "value";
            throw new IllegalArgumentException("json: cannot unmarshal " + kind
                + " into Go value of type jsonpatch.Patch");
        }
        for (JsonNode op : body) {
            if (!op.isObject()) {
                throw new IllegalArgumentException("json: cannot unmarshal " + op.getNodeType().name().toLowerCase()
                    + " into Go value of type jsonpatch.Operation");
            }
        }
        return new JsonPatch((ArrayNode) body);
    }

    public JsonNode apply(JsonNode doc) {
        JsonNode root = doc.deepCopy();
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("");
            String path = op.path("path").asText("");
            switch (kind) {
                case "add" -> root = add(root, path, value(op, kind));
                case "remove" -> root = remove(root, path, kind);
                case "replace" -> {
                    JsonNode v = value(op, kind);
                    get(root, path, kind);
                    root = add(remove(root, path, kind), path, v);
                }
                case "move" -> {
                    String from = op.path("from").asText("");
                    JsonNode v = get(root, from, kind);
                    root = add(remove(root, from, kind), path, v);
                }
                case "copy" -> {
                    String from = op.path("from").asText("");
                    root = add(root, path, get(root, from, kind).deepCopy());
                }
                case "test" -> {
                    JsonNode actual = path.isEmpty() ? root : find(root, path);
                    if (actual == null || !actual.equals(value(op, kind))) {
                        throw new IllegalArgumentException("testing value " + path + " failed: test failed");
                    }
                }
                default -> throw new IllegalArgumentException("Unexpected kind: " + kind);
            }
        }
        return root;
    }

    private static JsonNode value(JsonNode op, String kind) {
        JsonNode v = op.get("value");
        if (v == null) {
            throw new IllegalArgumentException(kind + " operation missing value");
        }
        return v.deepCopy();
    }

    private static List<String> tokens(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("invalid JSON pointer " + GoQuote.quote(path));
        }
        List<String> out = new ArrayList<>();
        for (String t : path.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static JsonNode find(JsonNode root, String path) {
        JsonNode n = root;
        for (String t : tokens(path)) {
            if (n.isObject()) {
                n = n.get(t);
            } else if (n.isArray()) {
                int i = index(t, n.size());
                n = i < 0 || i >= n.size() ? null : n.get(i);
            } else {
                return null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static JsonNode get(JsonNode root, String path, String kind) {
        JsonNode n = path.isEmpty() ? root : find(root, path);
        if (n == null) {
            throw new IllegalArgumentException(kind + " operation does not apply: doc is missing path: "
                + GoQuote.quote(path) + ": missing value");
        }
        return n;
    }

    private static int index(String t, int size) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode parent(JsonNode root, List<String> tokens, String path, String kind) {
        JsonNode p = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String t = tokens.get(i);
            p = p.isObject() ? p.get(t) : p.isArray() ? (index(t, p.size()) < 0 ? null : p.get(index(t, p.size())))
                : null;
            if (p == null) {
                throw new IllegalArgumentException(kind + " operation does not apply: doc is missing path: "
                    + GoQuote.quote(path) + ": missing value");
            }
        }
        return p;
    }

    private static JsonNode add(JsonNode root, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        List<String> t = tokens(path);
        JsonNode p = parent(root, t, path, "add");
        String last = t.get(t.size() - 1);
        if (p instanceof ObjectNode o) {
            o.set(last, value);
        } else if (p instanceof ArrayNode a) {
            int i = last.equals("-") ? a.size() : index(last, a.size());
            if (i < 0 || i > a.size()) {
                throw new IllegalArgumentException("Unable to access invalid index: " + last + ": invalid index");
            }
            a.insert(i, value);
        } else {
            throw new IllegalArgumentException("add operation does not apply: doc is missing path: "
                + GoQuote.quote(path) + ": missing value");
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, String path, String kind) {
        List<String> t = tokens(path);
        JsonNode p = parent(root, t, path, kind);
        String last = t.get(t.size() - 1);
        if (p instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
            return root;
        }
        if (p instanceof ArrayNode a) {
            int i = index(last, a.size());
            if (i >= 0 && i < a.size()) {
                a.remove(i);
                return root;
            }
        }
        throw new IllegalArgumentException("error in " + kind + " for path: '" + path
            + "': Unable to remove nonexistent key: " + last + ": missing value");
    }
}
