package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's opsgenie (API v1) handler: an alert with the API key in the body, RECOVERY to the recovery URL. */
public final class OpsGenieHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("opsgenie", "opsgenie.HandlerConfig", List.of(
        new HandlerOption("teams-list", "Teams", OptionType.STRING_LIST),
        new HandlerOption("recipients-list", "Recipients", OptionType.STRING_LIST)), OpsGenieHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    OpsGenieHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        Level level = event.state().level();
        StringBuilder result = new StringBuilder();
        event.resultJson(result);
        return send(vertx, http, options.list("teams-list"), options.list("recipients-list"),
            level == Level.OK ? "RECOVERY" : level.name(), event.state().message(), event.state().id(),
            result.toString());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, List<String> teams, List<String> recipients,
                             String messageType, String message, String entityId, String resultJson) {
        return ServiceConfig.enabled(vertx, "opsgenie").compose(c -> {
            Map<String, Object> data = new TreeMap<>();
            data.put("apiKey", c.getString("api-key", ""));
            data.put("entity", entityId);
            data.put("alias", entityId);
            data.put("message", message);
            data.put("note", "");
            data.put("monitoring_tool", "kapacitor");
            Map<String, Object> details = new TreeMap<>();
            details.put("Level", messageType);
            details.put("Monitoring Tool", "Kapacitor");
            data.put("details", details);
            String url = c.getString("url", "") + "/";
            if (messageType.equals("RECOVERY")) {
                url = c.getString("recovery_url", "") + "/";
                data.put("note", message);
            }
            data.put("description", resultJson);
            List<String> t = orConfig(teams, c.getJsonArray("teams"));
            if (!t.isEmpty()) {
                data.put("teams", t);
            }
            List<String> r = orConfig(recipients, c.getJsonArray("recipients"));
            if (!r.isEmpty()) {
                data.put("recipients", r);
            }
            return http.postJson(url, Map.of(), HttpSender.goEncode(data));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "message",
            "failed to understand OpsGenie response. code: " + r.status() + " content: " + r.body()), 200));
    }

    /** The handler's list, or the configured one when the handler's is empty. */
    static List<String> orConfig(List<String> given, JsonArray configured) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        List<String> out = new ArrayList<>();
        if (configured != null) {
            configured.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    /** The name and tags of the first row of a result, as OpsGenie 2 details carry them (null without rows). */
    static JsonObject firstRow(AlertEvent e) {
        return e.data().series().isEmpty() ? null : new JsonObject(e.data().series().get(0));
    }

    @Override
    public void close() {
        http.close();
    }
}
