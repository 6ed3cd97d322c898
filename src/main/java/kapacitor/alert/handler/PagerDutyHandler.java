package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's pagerduty (Events API v1) handler: trigger for WARNING/CRITICAL, resolve for OK, INFO refused. */
public final class PagerDutyHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("pagerduty", "pagerduty.HandlerConfig", List.of(
        new HandlerOption("service-key", "ServiceKey", OptionType.STRING)), PagerDutyHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    PagerDutyHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, options.string("service-key"), event.state().id(), event.state().message(),
            event.state().level(), event.state().details());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String serviceKey, String incidentKey, String description,
                             Level level, String details) {
        return ServiceConfig.enabled(vertx, "pagerduty").compose(c -> {
            if (level == Level.INFO) {
                return Future.failedFuture(new HandlerException(
                    "AlertLevel 'info' is currently ignored by the PagerDuty service"));
            }
            Map<String, String> data = new TreeMap<>();
            data.put("service_key", serviceKey.isEmpty() ? c.getString("service-key", "") : serviceKey);
            data.put("event_type", level == Level.OK ? "resolve" : "trigger");
            data.put("description", description);
            data.put("incident_key", incidentKey);
            data.put("client", "kapacitor");
            data.put("client_url", ServerUrl.get(vertx));
            data.put("details", details);
            return http.postJson(c.getString("url", ""), Map.of(), HttpSender.goEncode(data));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "message",
            "failed to understand PagerDuty response. code: " + r.status() + " content: " + r.body()), 200));
    }

    @Override
    public void close() {
        http.close();
    }
}
