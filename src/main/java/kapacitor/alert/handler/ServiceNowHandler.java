package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;
import kapacitor.alert.template.TemplateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's servicenow handler: one event record for the Event Management API, its node, type, resource, metric
 * name, message key and additional info being templates over the alert id, name, task, fields and tags.
 */
public final class ServiceNowHandler implements AlertHandler {
    // Node..MessageKey carry no mapstructure tag in Kapacitor, so their keys are the Go field names (any case).
    static final HandlerKind KIND = new HandlerKind("servicenow", "servicenow.HandlerConfig", List.of(
        new HandlerOption("url", "URL", OptionType.STRING),
        new HandlerOption("username", "Username", OptionType.STRING),
        new HandlerOption("password", "Password", OptionType.STRING),
        new HandlerOption("source", "Source", OptionType.STRING),
        new HandlerOption("Node", "Node", OptionType.STRING),
        new HandlerOption("Type", "Type", OptionType.STRING),
        new HandlerOption("Resource", "Resource", OptionType.STRING),
        new HandlerOption("MetricName", "MetricName", OptionType.STRING),
        new HandlerOption("MessageKey", "MessageKey", OptionType.STRING),
        new HandlerOption("additional_info", "AdditionalInfo", OptionType.MAP)), ServiceNowHandler::new);

    private static final int USUAL_CUTOFF = 100;

    /** The handler-level settings: templates and the source. */
    record Target(String url, String source, String node, String type, String resource, String metricName,
                  String messageKey, Map<String, Object> additionalInfo) {
    }

    private final Vertx vertx;
    private final HttpSender http;
    private final Target target;

    ServiceNowHandler(Vertx vertx, HandlerOptions o) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.target = new Target(o.string("url"), o.string("source"), o.string("Node"), o.string("Type"),
            o.string("Resource"), o.string("MetricName"), o.string("MessageKey"), o.map("additional_info"));
    }

    @Override
    public Future<Void> handle(AlertEvent e) {
        return send(vertx, http, target, e.state().id(), e.state().message(), e.state().level(), e.data().name(),
            e.data().taskName(), e.data().fields().toMap(), e.data().tags().toMap());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, Target t, String alertId, String message, Level level,
                             String name, String taskName, Map<String, Object> fields, Map<String, String> tags) {
        return ServiceConfig.enabled(vertx, "servicenow").compose(c -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("ID", alertId);
            info.put("Name", name);
            info.put("TaskName", taskName);
            info.put("Fields", GoTemplate.goMap(fields));
            info.put("Tags", GoTemplate.goMap(tags));
            GoStruct data = new GoStruct("servicenow.dataInfo", info);
            String source = t.source().isEmpty() ? c.getString("source", "") : t.source();
            String messageKey = render("messageKey", t.messageKey(), data);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("source", Texts.cut(source, USUAL_CUTOFF));
            putIfSet(record, "node", Texts.cut(render("node", t.node(), data), USUAL_CUTOFF));
            putIfSet(record, "type", Texts.cut(render("type", t.type(), data), USUAL_CUTOFF));
            putIfSet(record, "resource", Texts.cut(render("resource", t.resource(), data), USUAL_CUTOFF));
            putIfSet(record, "metric_name", Texts.cut(render("metricName", t.metricName(), data), USUAL_CUTOFF));
            putIfSet(record, "message_key", Texts.cut(messageKey.isEmpty() ? alertId : messageKey, 1024));
            putIfSet(record, "severity", Integer.toString(level == Level.CRITICAL ? 1 : level == Level.WARNING ? 4
                : 5));
            putIfSet(record, "description", Texts.cut(message, 4000));
            if (!t.additionalInfo().isEmpty()) {
                Map<String, String> ai = new TreeMap<>();
                t.additionalInfo().forEach((k, v) -> ai.put(k, v instanceof String s
                    ? render("additional_info." + k, s, data) : GoValues.print(HttpSender.goValue(v))));
                record.put("additional_info", HttpSender.goMarshal(ai).toString());
            }
            Map<String, String> headers = new TreeMap<>();
            String user = c.getString("username", "");
            String password = c.getString("password", "");
            if (!user.isEmpty() && !password.isEmpty()) {
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            String url = t.url().isEmpty() ? c.getString("url", "") : t.url();
            return http.postJson(url, headers, HttpSender.goMarshal(Map.of("records", List.of(record))));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "error",
            "failed to understand ServiceNow response. code: " + r.status() + " content: " + r.body()), 200));
    }

    /** A template over the data; Kapacitor ignores execution errors here, so a failing one renders empty. */
    static String render(String name, String template, Object data) {
        if (template.isEmpty()) {
            return "";
        }
        GoTemplate t;
        try {
            t = GoTemplate.parse(name, template);
        } catch (TemplateException e) {
            throw new HandlerException(e.getMessage());
        }
        try {
            return t.execute(data);
        } catch (TemplateException e) {
            return "";
        }
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
