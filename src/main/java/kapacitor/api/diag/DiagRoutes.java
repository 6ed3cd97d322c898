package kapacitor.api.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Mux;
import kapacitor.service.diag.LogHub;
import kapacitor.service.diag.LogLevels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Kapacitor's diagnostic routes: {@code POST /kapacitor/v1/loglevel} (services/httpd) and the streaming
 * {@code GET /kapacitor/v1preview/logs} (services/diagnostic sessions).
 */
public final class DiagRoutes implements ApiModule {
    private static final Logger LOG = LoggerFactory.getLogger("sessions");

    @Override
    public void mount(Mux mux) {
        mux.post(ApiRouter.BASE + "/loglevel", DiagRoutes::setLevel);
        mux.get(ApiRouter.PREVIEW + "/logs", DiagRoutes::logs);
    }

    private static void setLevel(RoutingContext ctx) {
        String level = decodeLevel(ctx.body().buffer());
        try {
            LogLevels.set(level);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ApiRouter.noContent(ctx);
    }

    /** Decodes client.LogLevelOptions as Go's json.Decoder would, with its error texts where they are simple. */
    private static String decodeLevel(Buffer body) {
        if (body == null || body.toString().isBlank()) {
            throw ApiException.badRequest("invalid json: EOF");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid json: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("invalid json: " + e.getMessage());
        }
        if (tree.isNull()) {
            return "";
        }
        if (!tree.isObject()) {
            throw ApiException.badRequest("invalid json: json: cannot unmarshal " + goKind(tree)
                + " into Go value of type client.LogLevelOptions");
        }
        // Go matches struct fields case-insensitively, an exact match first.
        JsonNode level = tree.get("level");
        if (level == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equalsIgnoreCase("level")) {
                    level = f.getValue();
                }
            }
        }
        if (level == null || level.isNull()) {
            return "";
        }
        if (!level.isTextual()) {
            throw ApiException.badRequest("invalid json: json: cannot unmarshal " + goKind(level)
                + " into Go struct field LogLevelOptions.level of type string");
        }
        return level.asText();
    }

    private static String goKind(JsonNode n) {
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n.isArray()) {
            return "array";
        }
        return n.isTextual() ? "string" : "object";
    }

    private static void logs(RoutingContext ctx) {
        MultiMap params = ctx.request().params();
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        int minLevel = 0;
        for (String key : params.names()) {
            List<String> values = params.getAll(key);
            if (values.size() != 1) {
                throw ApiException.badRequest("query params cannot contain duplicate params");
            }
            String v = values.get(0);
            if (key.equals("lvl") && v.endsWith("+")) {
                minLevel = levelFloor(v.substring(0, v.length() - 1));
                continue;
            }
            tags.add(Map.entry(key, v));
        }
        boolean json = "application/json".equals(ctx.request().getHeader("Accept"));
        String contentType = json ? "application/json" : "application/logfmt";
        HttpServerResponse resp = ctx.response();
        resp.setChunked(true)
            .putHeader("Content-Type", contentType)
            // Streamed lines go out as written; a compressor would hold them back (Kapacitor's NoGzip).
            .putHeader("Content-Encoding", "identity")
            .setStatusCode(200);
        Context context = Vertx.currentContext();
        LogSession session = new LogSession(context, resp, json, minLevel, tags);
        // Subscribed before the head goes out: a client that has the head sees every line logged afterwards.
        Runnable unsubscribe = LogHub.get().subscribe(session::offer);
        resp.writeHead();
        String id = UUID.randomUUID().toString();
        String tagText = describe(tags);
        resp.closeHandler(v -> {
            session.close();
            unsubscribe.run();
            LOG.info("msg=\"deleted log session\" id={} content-type={}{}", id, contentType, tagText);
        });
        LOG.info("msg=\"created log session\" id={} content-type={}{}", id, contentType, tagText);
    }

    /** Kapacitor's logLevelFromName: unknown names mean every level. */
    private static int levelFloor(String name) {
        switch (name) {
            case "INFO":
            case "info":
                return LogSession.rank("info");
            case "ERROR":
            case "error":
                return LogSession.rank("error");
            default:
                return 0;
        }
    }

    /** The session's tags as Kapacitor's Strings field writes them: {@code  tags_0=k=v tags_1=...}. */
    private static String describe(List<Map.Entry<String, String>> tags) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i).getKey() + "=" + tags.get(i).getValue();
            b.append(" tags_").append(i).append('=');
            if (t.indexOf(' ') >= 0 || t.indexOf('"') >= 0) {
                b.append('"').append(t.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(t);
            }
        }
        return b.toString();
    }
}
