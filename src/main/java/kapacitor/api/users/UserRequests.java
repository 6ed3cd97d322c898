package kapacitor.api.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.auth.Permission;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes the users API's request bodies the way Go's encoding/json fills client.CreateUserOptions and
 * client.UpdateUserOptions: keys match case-insensitively, null leaves a field unset, a wrong type or an unknown
 * type or permission name fails the whole body ("invalid JSON", Kapacitor's only text for all of these).
 */
final class UserRequests {
    /** The decoded options; {@code type} is "" when absent, {@code permissions} null when absent or null. */
    record Options(String name, String password, String type, List<Permission> permissions) {
    }

    private UserRequests() {
    }

    static Options decode(Buffer body) {
        JsonNode root;
        try {
            root = body == null || body.length() == 0 ? null : Json.MAPPER.readTree(body.getBytes());
        } catch (Exception e) {
            throw invalid();
        }
        if (root == null || root.isMissingNode() || !(root.isObject() || root.isNull())) {
            throw invalid();
        }
        String name = "";
        String password = "";
        String type = "";
        List<Permission> permissions = null;
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            String key = f.getKey();
            if (key.equalsIgnoreCase("name")) {
                name = text(v, name);
            } else if (key.equalsIgnoreCase("password")) {
                password = text(v, password);
            } else if (key.equalsIgnoreCase("type")) {
                type = text(v, type);
                if (!type.isEmpty() && !type.equals("normal") && !type.equals("admin")) {
                    throw invalid();
                }
            } else if (key.equalsIgnoreCase("permissions")) {
                permissions = permissions(v);
            }
        }
        return new Options(name, password, type, permissions);
    }

    private static String text(JsonNode v, String current) {
        if (v.isNull()) {
            return current;
        }
        if (!v.isTextual()) {
            throw invalid();
        }
        return v.asText();
    }

    private static List<Permission> permissions(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw invalid();
        }
        List<Permission> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (e.isNull()) {
                // Go leaves the element at its zero value.
                out.add(Permission.NONE);
                continue;
            }
            Permission p = e.isTextual() ? Permission.of(e.asText()) : null;
            if (p == null) {
                throw invalid();
            }
            out.add(p);
        }
        return out;
    }

    private static ApiException invalid() {
        return ApiException.badRequest("invalid JSON");
    }
}
