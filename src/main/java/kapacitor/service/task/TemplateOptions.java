package kapacitor.service.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.model.TaskType;

/** The body of {@code POST /templates} and {@code PATCH /templates/ID}; "" and null mean "not given". */
public record TemplateOptions(String id, TaskType type, String script) {

    public static TemplateOptions decode(Buffer body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body == null ? new byte[0] : body.getBytes());
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException("EOF");
            }
            if (n.isNull()) {
                return new TemplateOptions("", null, "");
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return new TemplateOptions(GoJson.string(n, "id"), TaskOptions.type(n), GoJson.string(n, "script"));
        } catch (Exception e) {
            throw ApiException.badRequest("invalid JSON");
        }
    }
}
