package kapacitor.alert.handler;

import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's alerta handler: resource, event, environment, group, value, services, correlates and string
 * attributes are templates over the event; POSTed to {@code url/alert} with a token header.
 */
public final class AlertaHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("alerta", "alerta.HandlerConfig", List.of(
        new HandlerOption("token", "Token", OptionType.STRING),
        new HandlerOption("token-prefix", null, OptionType.STRING),
        new HandlerOption("resource", "Resource", OptionType.STRING),
        new HandlerOption("event", "Event", OptionType.STRING),
        new HandlerOption("environment", "Environment", OptionType.STRING),
        new HandlerOption("group", "Group", OptionType.STRING),
        new HandlerOption("value", "Value", OptionType.STRING),
        new HandlerOption("origin", "Origin", OptionType.STRING),
        new HandlerOption("service", "Services", OptionType.STRING_LIST),
        new HandlerOption("correlate", "Correlated", OptionType.STRING_LIST),
        new HandlerOption("attributes", "Attribute", OptionType.MAP),
        new HandlerOption("timeout", "Timeout", OptionType.DURATION)), AlertaHandler::new);

    private static final String DEFAULT_RESOURCE = "{{ .Name }}";
    private static final String DEFAULT_EVENT = "{{ .ID }}";
    private static final String DEFAULT_GROUP = "{{ .Group }}";
    private static final long DEFAULT_TIMEOUT = 24L * 3600 * 1_000_000_000L;
    private static final String DEFAULT_TOKEN_PREFIX = "Bearer";

    /** What one alert carries, after templates. */
    record Alert(String resource, String event, String environment, String severity, String group, String value,
                 String message, String origin, List<String> service, List<String> correlate,
                 Map<String, Object> attributes, long timeoutNanos, Map<String, String> tags, String resultJson) {
    }

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;
    private final GoTemplate resource;
    private final GoTemplate event;
    private final GoTemplate environment;
    private final GoTemplate group;
    private final GoTemplate value;
    private final List<GoTemplate> service = new ArrayList<>();
    private final List<GoTemplate> correlate = new ArrayList<>();
    private final Map<String, Object> attributes = new TreeMap<>();

    AlertaHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
        resource = EventTemplates.parse("resource", or(options, "resource", DEFAULT_RESOURCE));
        event = EventTemplates.parse("event", or(options, "event", DEFAULT_EVENT));
        environment = EventTemplates.parse("environment", options.string("environment"));
        group = EventTemplates.parse("group", or(options, "group", DEFAULT_GROUP));
        value = EventTemplates.parse("value", options.string("value"));
        options.list("service").forEach(s -> service.add(EventTemplates.parse("service", s)));
        options.list("correlate").forEach(s -> correlate.add(EventTemplates.parse("correlate", s)));
        options.map("attributes").forEach((k, v) -> attributes.put(k, v instanceof String s
            ? EventTemplates.parse(k, s) : HttpSender.goValue(v)));
    }

    /** An option as given, or the default when it was not (a given empty string stays empty, as in Kapacitor). */
    private static String or(HandlerOptions options, String name, String fallback) {
        return options.has(name) ? options.string(name) : fallback;
    }

    @Override
    public Future<Void> handle(AlertEvent e) {
        Alert a;
        try {
            GoStruct td = EventTemplates.data(e);
            Map<String, Object> ed = new LinkedHashMap<>();
            ed.put("ID", e.state().id());
            ed.put("Name", e.data().name());
            ed.put("TaskName", e.data().taskName());
            ed.put("Group", e.data().group());
            ed.put("Tags", GoTemplate.goMap(e.data().tags().toMap()));
            List<String> services = new ArrayList<>();
            service.forEach(t -> services.add(EventTemplates.render(t, td)));
            List<String> correlates = new ArrayList<>();
            correlate.forEach(t -> correlates.add(EventTemplates.render(t, td)));
            Map<String, Object> attrs = new TreeMap<>();
            attributes.forEach((k, v) -> attrs.put(k, v instanceof GoTemplate t ? EventTemplates.render(t, td) : v));
            StringBuilder result = new StringBuilder();
            e.resultJson(result);
            a = new Alert(EventTemplates.render(resource, td),
                EventTemplates.render(event, new GoStruct("alerta.eventData", ed)),
                EventTemplates.render(environment, td), severity(e.state().level()),
                EventTemplates.render(group, td), EventTemplates.render(value, td), e.state().message(),
                options.string("origin"), services.isEmpty() ? List.of(e.data().name()) : services,
                correlates.isEmpty() ? List.of(e.data().name()) : correlates, attrs,
                options.duration("timeout", DEFAULT_TIMEOUT), e.data().tags().toMap(), result.toString());
        } catch (HandlerException ex) {
            return Future.failedFuture(ex);
        }
        return send(vertx, http, options.string("token"), options.string("token-prefix"), a);
    }

    private static String severity(Level level) {
        switch (level) {
            case OK:
                return "ok";
            case INFO:
                return "informational";
            case WARNING:
                return "warning";
            default:
                return "critical";
        }
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String token, String tokenPrefix, Alert a) {
        if (a.resource().isEmpty() || a.event().isEmpty()) {
            return Future.failedFuture(new HandlerException("Resource and Event are required to send an alert"));
        }
        return ServiceConfig.enabled(vertx, "alerta").compose(c -> {
            String tok = token.isEmpty() ? c.getString("token", "") : token;
            String prefix = tokenPrefix;
            if (prefix.isEmpty()) {
                prefix = c.getString("token-prefix", "").isEmpty() ? DEFAULT_TOKEN_PREFIX
                    : c.getString("token-prefix");
            }
            Map<String, Object> post = new TreeMap<>();
            post.put("resource", a.resource());
            post.put("event", a.event());
            post.put("environment", a.environment().isEmpty() ? c.getString("environment", "") : a.environment());
            post.put("severity", a.severity());
            post.put("group", a.group());
            post.put("value", a.value());
            post.put("text", a.message());
            post.put("origin", a.origin().isEmpty() ? c.getString("origin", "") : a.origin());
            post.put("rawData", new RawValue(a.resultJson()));
            if (a.service() != null && !a.service().isEmpty()) {
                post.put("service", a.service());
            }
            if (a.correlate() != null && !a.correlate().isEmpty()) {
                post.put("correlate", a.correlate());
            }
            if (!a.attributes().isEmpty()) {
                post.put("attributes", a.attributes());
            }
            post.put("timeout", a.timeoutNanos() / 1_000_000_000L);
            List<String> tags = new ArrayList<>();
            new TreeMap<>(a.tags()).forEach((k, v) -> tags.add(k + "=" + v));
            post.put("tags", tags);
            return http.postJson(Urls.joinPath(c.getString("url", ""), "alert"),
                Map.of("Authorization", prefix + " " + tok), HttpSender.goEncode(post));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "message",
            "failed to understand Alerta response. code: " + r.status() + " content: " + r.body()), 201));
    }

    @Override
    public void close() {
        http.close();
    }
}
