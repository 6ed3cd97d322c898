package kapacitor.service.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.model.DbRp;
import kapacitor.model.TaskType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /tasks} and {@code PATCH /tasks/ID} (Kapacitor's Create/UpdateTaskOptions). Empty strings
 * and nulls mean "not given", as Go's zero values do.
 *
 * @param type   null when not given
 * @param status "enabled", "disabled" or null
 * @param dbrps  empty when not given
 * @param vars   request vars, not yet checked (see {@link TaskVars#validate}); empty when not given
 */
public record TaskOptions(String id, String templateId, TaskType type, List<DbRp> dbrps, String script,
                          String status, Map<String, TaskVar> vars) {

    /** Decodes a body; anything Go's decoder rejects is Kapacitor's 400 {@code invalid JSON}. */
    public static TaskOptions decode(Buffer body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body == null ? new byte[0] : body.getBytes());
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException("EOF");
            }
            if (n.isNull()) {
                return new TaskOptions("", "", null, List.of(), "", null, Map.of());
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            Map<String, TaskVar> vars = TaskVars.decodeRequest(GoJson.field(n, "vars"));
            return new TaskOptions(GoJson.string(n, "id"), GoJson.string(n, "template-id"), type(n),
                dbrps(GoJson.field(n, "dbrps")), GoJson.string(n, "script"), status(n), vars == null ? Map.of() : vars);
        } catch (Exception e) {
            throw ApiException.badRequest("invalid JSON");
        }
    }

    static TaskType type(JsonNode n) {
        JsonNode t = GoJson.field(n, "type");
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isTextual()) {
            throw new IllegalArgumentException("type");
        }
        if ("invalid".equals(t.asText())) {
            return null;
        }
        TaskType type = TaskType.fromText(t.asText());
        if (type == null) {
            throw new IllegalArgumentException("unknown TaskType " + t.asText());
        }
        return type;
    }

    private static String status(JsonNode n) {
        JsonNode s = GoJson.field(n, "status");
        if (s == null || s.isNull()) {
            return null;
        }
        if (!s.isTextual() || !("enabled".equals(s.asText()) || "disabled".equals(s.asText()))) {
            throw new IllegalArgumentException("unknown TaskStatus");
        }
        return s.asText();
    }

    private static List<DbRp> dbrps(JsonNode n) {
        List<DbRp> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("dbrps");
        }
        for (JsonNode d : n) {
            if (d.isNull()) {
                out.add(new DbRp("", ""));
                continue;
            }
            if (!d.isObject()) {
                throw new IllegalArgumentException("dbrp");
            }
            out.add(new DbRp(GoJson.string(d, "db"), GoJson.string(d, "rp")));
        }
        return out;
    }
}
