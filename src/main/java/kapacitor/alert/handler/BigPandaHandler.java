package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoStruct;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's bigpanda handler: an alert to the Alerts API with the event's tags and fields as attributes (as the
 * config's auto-attributes say) plus the handler's templated host and attributes.
 */
public final class BigPandaHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("bigpanda", "bigpanda.HandlerConfig", List.of(
        new HandlerOption("app-key", "AppKey", OptionType.STRING),
        new HandlerOption("url", null, OptionType.STRING),
        new HandlerOption("host", "Host", OptionType.STRING),
        new HandlerOption("primary-property", "PrimaryProperty", OptionType.STRING),
        new HandlerOption("secondary-property", "SecondaryProperty", OptionType.STRING),
        new HandlerOption("attributes", "Attribute", OptionType.MAP)), BigPandaHandler::new);

    /** The handler-level settings of one alert. */
    record Target(String appKey, String url, String primaryProperty, String secondaryProperty) {
    }

    /** The event as BigPanda is told about it; {@code fields} hold Java values (String, Double, Long, Boolean). */
    record Alert(String id, String message, String details, Level level, long unixSeconds, String taskName,
                 String name, Map<String, String> tags, Map<String, Object> fields) {
    }

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    BigPandaHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent e) {
        GoStruct td = EventTemplates.data(e);
        Map<String, String> attrs = new TreeMap<>();
        try {
            attrs.put("host", ServiceNowHandler.render("host", options.string("host"), td));
            options.map("attributes").forEach((k, v) -> attrs.put(k, v instanceof String s
                ? ServiceNowHandler.render(k, s, td) : HttpSender.goMarshal(HttpSender.goValue(v)).toString()));
        } catch (HandlerException ex) {
            return Future.failedFuture(ex);
        }
        return send(vertx, http, new Target(options.string("app-key"), options.string("url"),
            options.string("primary-property"), options.string("secondary-property")),
            new Alert(e.state().id(), e.state().message(), e.state().details(), e.state().level(),
                Math.floorDiv(e.state().time(), 1_000_000_000L), e.data().taskName(), e.data().name(),
                e.data().tags().toMap(), e.data().fields().toMap()), attrs);
    }

    static Future<Void> send(Vertx vertx, HttpSender http, Target t, Alert a, Map<String, String> attrs) {
        return ServiceConfig.enabled(vertx, "bigpanda").compose(c -> {
            Map<String, Object> bp = new TreeMap<>();
            if (!a.message().isEmpty()) {
                bp.put("description", a.message());
            }
            if (!a.details().isEmpty()) {
                String details = Html.unescape(a.details());
                if (!details.startsWith("{")) {
                    bp.put("details", details);
                }
            }
            if (!a.id().isEmpty()) {
                bp.put("check", a.id());
            }
            bp.put("task", a.taskName() + ":" + a.name());
            bp.put("timestamp", a.unixSeconds());
            bp.put("status", status(a.level()));
            if (!t.primaryProperty().isEmpty()) {
                bp.put("primary_property", t.primaryProperty());
            }
            if (!t.secondaryProperty().isEmpty()) {
                bp.put("secondary_property", t.secondaryProperty());
            }
            bp.put("app_key", t.appKey().isEmpty() ? c.getString("app-key", "") : t.appKey());
            String auto = c.getString("auto-attributes", "").toLowerCase(Locale.ROOT);
            if (auto.contains("tags")) {
                bp.putAll(a.tags());
            }
            if (auto.contains("fields")) {
                a.fields().forEach((k, v) -> bp.put(k, v instanceof String s ? s
                    : HttpSender.goMarshal(HttpSender.goValue(v)).toString()));
            }
            bp.putAll(attrs);
            String url = t.url().isEmpty() ? c.getString("url", "") : t.url();
            return http.postJson(url, Map.of("Authorization", "Bearer " + c.getString("token", "")),
                HttpSender.goMarshal(bp));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "error",
            "failed to understand BigPanda response. code: " + r.status() + " content: " + r.body()), 201));
    }

    private static String status(Level level) {
        switch (level) {
            case WARNING:
                return "warning";
            case CRITICAL:
                return "critical";
            default:
                return "ok";
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
