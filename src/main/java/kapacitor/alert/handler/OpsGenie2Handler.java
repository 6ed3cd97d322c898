package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kapacitor's opsgenie2 (Alert API v2) handler: alerts aliased by the base64 of their id with a GenieKey header;
 * OK events close the alert or add a note (the recovery action) through {@code url/alias/action}.
 */
public final class OpsGenie2Handler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("opsgenie2", "opsgenie2.HandlerConfig", List.of(
        new HandlerOption("teams-list", "Teams", OptionType.STRING_LIST),
        new HandlerOption("recipients-list", "Recipients", OptionType.STRING_LIST),
        new HandlerOption("recovery_action", "RecoveryAction", OptionType.STRING)), OpsGenie2Handler::new);

    private static final Set<String> RECOVERY_ACTIONS = Set.of("close", "notes");
    private static final String DEFAULT_RECOVERY_ACTION = "notes";

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    OpsGenie2Handler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        StringBuilder result = new StringBuilder();
        event.resultJson(result);
        return send(vertx, http, options.list("teams-list"), options.list("recipients-list"),
            options.string("recovery_action"), event.state().level(), event.state().message(), event.state().id(),
            event.state().details(), result.toString(), OpsGenieHandler.firstRow(event));
    }

    /** {@code firstRow} is the result's first row (its name and tags go in the details), null without rows. */
    static Future<Void> send(Vertx vertx, HttpSender http, List<String> teams, List<String> recipients,
                             String recoveryAction, Level level, String message, String entityId,
                             String eventDetails, String resultJson, JsonObject firstRow) {
        return ServiceConfig.enabled(vertx, "opsgenie2").recover(e -> Future.failedFuture(
            new HandlerException("failed to prepare API request: " + e.getMessage()))).compose(c -> {
            String alias = Base64.getUrlEncoder().encodeToString(entityId.getBytes(StandardCharsets.UTF_8));
            Map<String, Object> data = new TreeMap<>();
            String url = c.getString("url", "");
            if (level == Level.OK) {
                String action = recoveryAction;
                if (!RECOVERY_ACTIONS.contains(action)) {
                    String configured = c.getString("recovery_action", "");
                    action = RECOVERY_ACTIONS.contains(configured) ? configured : DEFAULT_RECOVERY_ACTION;
                }
                int q = url.indexOf('?');
                url = Urls.joinPath(q < 0 ? url : url.substring(0, q), alias, action) + "?identifierType=alias";
                data.put("note", message);
            } else {
                data.put("entity", entityId);
                data.put("alias", alias);
                data.put("message", message);
                data.put("note", "");
                data.put("priority", level == Level.INFO ? "P5" : level == Level.WARNING ? "P3" : "P1");
                boolean useDetails = c.getBoolean("details", false) && !eventDetails.isEmpty();
                data.put("description", useDetails ? eventDetails : resultJson);
                Map<String, String> details = new TreeMap<>();
                details.put("Monitoring Tool", "Kapacitor");
                details.put("Level", level.name());
                if (firstRow != null) {
                    JsonObject tags = firstRow.getJsonObject("tags", new JsonObject());
                    tags.forEach(t -> details.put(t.getKey(), String.valueOf(t.getValue())));
                    details.put("Kapacitor Task Name", firstRow.getString("name", ""));
                }
                data.put("details", details);
                List<Map<String, String>> responders = new ArrayList<>();
                for (String t : OpsGenieHandler.orConfig(teams, c.getJsonArray("teams"))) {
                    responders.add(responder("name", t, "team"));
                }
                for (String u : OpsGenieHandler.orConfig(recipients, c.getJsonArray("recipients"))) {
                    responders.add(responder("username", u, "user"));
                }
                if (!responders.isEmpty()) {
                    data.put("responders", responders);
                }
            }
            return http.postJson(url, Map.of("Authorization", "GenieKey " + c.getString("api-key", "")),
                HttpSender.goEncode(data)).recover(e -> Future.failedFuture(
                    new HandlerException("failed to execute API request: " + e.getMessage())));
        }).compose(resp -> HttpSender.expect(resp, r -> "opsgenie error: " + HttpSender.errorField(r.body(),
            "message", "failed to understand OpsGenie response. code: " + r.status() + " content: " + r.body()),
            202));
    }

    private static Map<String, String> responder(String key, String value, String type) {
        Map<String, String> m = new TreeMap<>();
        m.put(key, value);
        m.put("type", type);
        return m;
    }

    @Override
    public void close() {
        http.close();
    }
}
