package kapacitor.alert.handler;

import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kapacitor's pagerduty2 (Events API v2) handler: a trigger (resolve for OK) with the event's result as custom
 * details, and links whose href and text are templates over the event.
 */
public final class PagerDuty2Handler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("pagerduty2", "pagerduty2.HandlerConfig", List.of(
        new HandlerOption("routing-key", "RoutingKey", OptionType.STRING),
        new HandlerOption("links", "Link", OptionType.PD_LINKS)), PagerDuty2Handler::new);

    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A link as sent. */
    record Link(String href, String text) {
    }

    private record LinkTemplate(GoTemplate href, GoTemplate text) {
    }

    private final Vertx vertx;
    private final HttpSender http;
    private final String routingKey;
    private final List<LinkTemplate> links = new ArrayList<>();

    PagerDuty2Handler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.routingKey = options.string("routing-key");
        for (Map<String, String> l : options.structs("links")) {
            String text = l.getOrDefault("text", "");
            links.add(new LinkTemplate(EventTemplates.parse("href", l.getOrDefault("href", "")),
                text.isEmpty() ? null : EventTemplates.parse("text", text)));
        }
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        List<Link> rendered = new ArrayList<>();
        try {
            GoStruct td = EventTemplates.data(event);
            for (LinkTemplate l : links) {
                String href = EventTemplates.render(l.href(), td);
                rendered.add(new Link(href, l.text() == null ? href : EventTemplates.render(l.text(), td)));
            }
        } catch (HandlerException e) {
            return Future.failedFuture(e);
        }
        StringBuilder result = new StringBuilder();
        event.resultJson(result);
        return send(vertx, http, routingKey, rendered, event.state().id(), event.state().message(),
            event.state().level(), event.state().time(), event.data().taskName(),
            event.data().tags().toMap().get("host"), result.toString());
    }

    /** {@code resultJson} is the event's models.Result JSON; {@code host} the host tag, null without one. */
    static Future<Void> send(Vertx vertx, HttpSender http, String routingKey, List<Link> links, String alertId,
                             String description, Level level, long timeNanos, String taskName, String host,
                             String resultJson) {
        return ServiceConfig.enabled(vertx, "pagerduty2").compose(c -> {
            String severity;
            String action = "trigger";
            if (level == Level.WARNING) {
                severity = "warning";
            } else if (level == Level.CRITICAL) {
                severity = "critical";
            } else if (level == Level.INFO) {
                severity = "info";
            } else {
                action = "resolve";
                severity = "info";
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", description);
            payload.put("source", host == null ? "unknown" : host);
            payload.put("severity", severity);
            payload.put("timestamp", TIMESTAMP.format(Instant.ofEpochSecond(0, timeNanos)));
            payload.put("class", taskName);
            payload.put("component", "");
            payload.put("group", "");
            payload.put("custom_details", Map.of("result", new RawValue(resultJson)));
            Map<String, Object> ap = new LinkedHashMap<>();
            ap.put("routing_key", routingKey.isEmpty() ? c.getString("routing-key", "") : routingKey);
            ap.put("event_action", action);
            ap.put("dedup_key", alertId);
            ap.put("payload", payload);
            ap.put("images", null);
            List<Map<String, String>> ls = null;
            if (!links.isEmpty()) {
                ls = new ArrayList<>();
                for (Link l : links) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("href", l.href());
                    m.put("text", l.text());
                    ls.add(m);
                }
            }
            ap.put("links", ls);
            ap.put("client", "kapacitor");
            ap.put("client_url", ServerUrl.get(vertx));
            return http.send(io.vertx.core.http.HttpMethod.POST, c.getString("url", ""), Map.of(
                "Content-Type", "application/json", "Accept", "application/vnd.pagerduty+json;version=2"),
                HttpSender.goEncode(ap));
        }).compose(resp -> HttpSender.expect(resp, PagerDuty2Handler::error, 202, 200));
    }

    private static String error(HttpSender.Response r) {
        String status = "";
        String message = "failed to understand PagerDuty2 response. code: " + r.status() + " content: " + r.body();
        String errors = "[]";
        try {
            io.vertx.core.json.JsonObject o = new io.vertx.core.json.JsonObject(r.body());
            status = o.getValue("status") instanceof String s ? s : status;
            message = o.getValue("message") instanceof String s ? s : message;
            if (o.getValue("errors") instanceof io.vertx.core.json.JsonArray a) {
                List<String> es = new ArrayList<>();
                a.forEach(e -> es.add(String.valueOf(e)));
                errors = "[" + String.join(" ", es) + "]";
            }
        } catch (RuntimeException ignored) {
            // Not JSON: Kapacitor keeps its fallback message.
        }
        return "Status: " + status + ", Message: " + message + " Errors: " + errors;
    }

    @Override
    public void close() {
        http.close();
    }
}
