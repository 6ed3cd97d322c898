package kapacitor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import kapacitor.alert.handler.PostEndpoint;
import kapacitor.alert.handler.PostEndpoints;
import kapacitor.runtime.operator.NodeServices;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code [[httppost]]} endpoints of the config, for the httpPost node ({@code .endpoint('name')}) and the alert
 * post handler ({@code .post().endpoint('name')}); basic-auth becomes an Authorization header, as Kapacitor sends it.
 */
final class HttpPostSettings {
    private HttpPostSettings() {
    }

    static Map<String, NodeServices.HttpPostEndpoint> endpoints(ObjectNode tree) {
        Map<String, NodeServices.HttpPostEndpoint> out = new HashMap<>();
        JsonNode list = tree.get("httppost");
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode e : list) {
            String name = e.path("endpoint").asText("");
            if (name.isEmpty()) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            e.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            String user = e.path("basic-auth").path("username").asText("");
            String pass = e.path("basic-auth").path("password").asText("");
            if (!user.isEmpty() || !pass.isEmpty()) {
                headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8)));
            }
            out.put(name, new NodeServices.HttpPostEndpoint(e.path("url").asText(""), headers, rowTemplate(e)));
        }
        return out;
    }

    /** The endpoint's row template: inline, or read from row-template-file (Kapacitor reads the file at start). */
    private static String rowTemplate(JsonNode e) {
        String inline = e.path("row-template").asText("");
        String file = e.path("row-template-file").asText("");
        if (!inline.isEmpty() || file.isEmpty()) {
            return inline;
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file));
        } catch (java.io.IOException ex) {
            throw new kapacitor.config.ConfigException("invalid value for httppost.row-template-file: cannot read "
                + file + ": " + ex.getMessage());
        }
    }

    /** Makes the endpoints known to alert post handlers of this Vert.x instance. */
    static void register(Vertx vertx, Map<String, NodeServices.HttpPostEndpoint> endpoints) {
        PostEndpoints registry = PostEndpoints.of(vertx);
        endpoints.forEach((name, e) -> registry.put(new PostEndpoint(name, e.url(), e.headers())));
    }
}
