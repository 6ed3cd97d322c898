package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's zenoss handler: an EventsRouter add_event call whose summary, device, component, event class,
 * message, collector and custom fields are templates over the event; the severity comes from the config's map.
 */
public final class ZenossHandler implements AlertHandler {
    // Summary..Message carry no mapstructure tag in Kapacitor, so their keys are the Go field names (any case).
    static final HandlerKind KIND = new HandlerKind("zenoss", "zenoss.HandlerConfig", List.of(
        new HandlerOption("action", "Action", OptionType.STRING),
        new HandlerOption("method", "Method", OptionType.STRING),
        new HandlerOption("type", "Type", OptionType.STRING),
        new HandlerOption("tid", "Tid", OptionType.INT),
        new HandlerOption("Summary", "Summary", OptionType.STRING),
        new HandlerOption("Device", "Device", OptionType.STRING),
        new HandlerOption("Component", "Component", OptionType.STRING),
        new HandlerOption("EventClassKey", "EventClassKey", OptionType.STRING),
        new HandlerOption("EventClass", "EventClass", OptionType.STRING),
        new HandlerOption("Collector", "Collector", OptionType.STRING),
        new HandlerOption("Message", "Message", OptionType.STRING),
        new HandlerOption("customField", "CustomField", OptionType.MAP)), ZenossHandler::new);

    /** The handler-level settings: the call and the templates. */
    record Target(String action, String method, String type, long tid, String summary, String device,
                  String component, String eventClassKey, String eventClass, String collector, String message,
                  Map<String, Object> customFields) {
    }

    private final Vertx vertx;
    private final HttpSender http;
    private final Target target;

    ZenossHandler(Vertx vertx, HandlerOptions o) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.target = new Target(o.string("action"), o.string("method"), o.string("type"), o.integer("tid"),
            o.string("Summary"), o.string("Device"), o.string("Component"), o.string("EventClassKey"),
            o.string("EventClass"), o.string("Collector"), o.string("Message"), o.map("customField"));
    }

    @Override
    public Future<Void> handle(AlertEvent e) {
        return send(vertx, http, target, e);
    }

    static Future<Void> send(Vertx vertx, HttpSender http, Target t, AlertEvent e) {
        return ServiceConfig.enabled(vertx, "zenoss").compose(c -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("Name", e.data().name());
            info.put("TaskName", e.data().taskName());
            info.put("ID", e.state().id());
            info.put("Message", e.state().message());
            info.put("Details", e.state().details());
            info.put("Time", new GoValues.Time(e.state().time()));
            info.put("Duration", new GoValues.Duration(e.state().duration()));
            info.put("Level", e.state().level().name());
            info.put("Recoverable", e.data().recoverable());
            info.put("Tags", GoTemplate.goMap(e.data().tags().toMap()));
            GoStruct data = new GoStruct("zenoss.info", info);
            String summary = ServiceNowHandler.render("summary", t.summary(), data);
            String collector = ServiceNowHandler.render("collector", t.collector(), data);
            String message = ServiceNowHandler.render("message", t.message(), data);
            Map<String, Object> event = new TreeMap<>();
            event.put("summary", Texts.cut(summary.isEmpty() ? e.state().message() : summary, 256));
            event.put("device", ServiceNowHandler.render("device", t.device(), data));
            event.put("component", ServiceNowHandler.render("component", t.component(), data));
            event.put("severity", severity(c.getJsonObject("severity-map", new JsonObject()), e.state().level()));
            event.put("evclasskey", ServiceNowHandler.render("evclasskey", t.eventClassKey(), data));
            event.put("evclass", ServiceNowHandler.render("evclass", t.eventClass(), data));
            String coll = collector.isEmpty() ? c.getString("collector", "") : collector;
            if (!coll.isEmpty()) {
                event.put("collector", coll);
            }
            if (!message.isEmpty()) {
                event.put("message", Texts.cut(message, 4096));
            }
            t.customFields().forEach((k, v) -> event.put(k, v instanceof String s
                ? custom(ServiceNowHandler.render("customData." + k, s, data)) : HttpSender.goValue(v)));
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("action", t.action().isEmpty() ? c.getString("action", "") : t.action());
            call.put("method", t.method().isEmpty() ? c.getString("method", "") : t.method());
            call.put("data", List.of(event));
            call.put("type", t.type().isEmpty() ? c.getString("type", "") : t.type());
            call.put("tid", t.tid() == 0 ? c.getLong("tid", 0L) : t.tid());
            Map<String, String> headers = new TreeMap<>();
            String user = c.getString("username", "");
            String password = c.getString("password", "");
            if (!user.isEmpty() && !password.isEmpty()) {
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            return http.postJson(c.getString("url", ""), headers, HttpSender.goMarshal(call));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "error",
            "failed to understand Zenoss response. code: " + r.status() + " content: " + r.body()), 200));
    }

    /** A rendered custom field that looks like JSON is sent as that JSON, else as text. */
    private static Object custom(String v) {
        if (v.startsWith("{") || v.startsWith("[")) {
            try {
                return HttpSender.goValue(v.startsWith("{") ? new JsonObject(v) : new JsonArray(v));
            } catch (DecodeException | ClassCastException e) {
                return v;
            }
        }
        return v;
    }

    /** The config's severity-map value for a level (keys as in TOML, OK/Info/Warning/Critical, any case). */
    private static Object severity(JsonObject map, Level level) {
        String want = level == Level.OK ? "OK" : level == Level.INFO ? "Info" : level == Level.WARNING ? "Warning"
            : "Critical";
        for (String k : map.fieldNames()) {
            if (k.equalsIgnoreCase(want)) {
                return HttpSender.goValue(map.getValue(k));
            }
        }
        return null;
    }

    @Override
    public void close() {
        http.close();
    }
}
