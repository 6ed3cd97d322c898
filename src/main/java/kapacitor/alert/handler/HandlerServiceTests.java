package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.Level;
import kapacitor.service.servicetest.ServiceTester;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The service tests of the handler services: Kapacitor's default test options (same names, order and defaults) and
 * a real send with them through the same code the handlers use.
 */
public final class HandlerServiceTests {
    private HandlerServiceTests() {
    }

    private record Tester(String name, Function<Vertx, Future<Map<String, Object>>> defaults,
                          Function<JsonObject, Future<Void>> run, Vertx vertx) implements ServiceTester {
        @Override
        public Future<Map<String, Object>> options() {
            return defaults.apply(vertx);
        }

        @Override
        public Future<Void> test(JsonObject options) {
            try {
                return run.apply(options);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        }
    }

    public static List<ServiceTester> all(Vertx vertx) {
        HttpSender http = new HttpSender(vertx);
        SmtpClient smtp = new SmtpClient(vertx);
        MqttPublisher mqtt = new MqttPublisher(vertx);
        List<ServiceTester> out = new ArrayList<>();
        out.add(new Tester("slack", v -> SlackHandler.workspace(v, "").otherwise(new JsonObject()).map(c -> opts(
            "workspace", c.getString("workspace", ""), "channel", c.getString("channel", ""),
            "message", "test slack message", "level", "CRITICAL", "username", "", "icon-emoji", "")),
            o -> SlackHandler.send(vertx, http, o.getString("workspace"), o.getString("channel"),
                o.getString("message"), o.getString("username"), o.getString("icon-emoji"),
                Level.parse(o.getString("level"))), vertx));
        out.add(new Tester("victorops", v -> ServiceConfig.single(v, "victorops").map(c -> opts(
            "routingKey", c.getString("routing-key", ""), "messageType", "CRITICAL",
            "message", "test victorops message", "entityID", "testEntityID")),
            o -> VictorOpsHandler.send(vertx, http, o.getString("routingKey"), o.getString("messageType"),
                o.getString("message"), o.getString("entityID"), System.currentTimeMillis() / 1000,
                "{\"series\":null}"), vertx));
        out.add(new Tester("telegram", v -> ServiceConfig.single(v, "telegram").map(c -> opts(
            "chat-id", c.getString("chat-id", ""), "parse-mode", c.getString("parse-mode", ""),
            "message", "test telegram message",
            "disable-web-page-preview", c.getBoolean("disable-web-page-preview", false),
            "disable-notification", c.getBoolean("disable-notification", false))),
            o -> TelegramHandler.send(vertx, http, o.getString("chat-id"), o.getString("parse-mode"),
                o.getString("message"), o.getBoolean("disable-web-page-preview"),
                o.getBoolean("disable-notification")), vertx));
        out.add(new Tester("teams", v -> ServiceConfig.single(v, "teams").map(c -> opts(
            "channel_url", c.getString("channel-url", ""), "alert_topic", "test kapacitor alert topic",
            "alert_id", "foo/bar/bat", "message", "test teams message", "level", "CRITICAL")),
            o -> TeamsHandler.send(vertx, http, o.getString("channel_url"), o.getString("alert_topic"),
                o.getString("alert_id"), o.getString("message"), Level.parse(o.getString("level"))), vertx));
        out.add(new Tester("smtp", v -> ServiceConfig.single(v, "smtp").map(c -> opts(
            "to", strings(c.getJsonArray("to")), "subject", "test subject", "body", "test body")),
            o -> SmtpHandler.send(vertx, smtp, strings(o.getJsonArray("to")), o.getString("subject"),
                o.getString("body")), vertx));
        out.add(new Tester("mqtt", v -> ServiceConfig.elements(v, "mqtt").map(list -> {
            JsonObject b = MqttHandler.broker(list, "");
            return opts("broker-name", b == null ? "" : b.getString("name", ""), "topic", "",
                "message", "test MQTT message", "qos", "at-most-once", "retained", false);
        }), o -> {
            int qos = MqttPublisher.qosOf(o.getString("qos"));
            if (qos < 0) {
                return Future.failedFuture(new HandlerException("invalid QoS level"));
            }
            return MqttHandler.send(vertx, mqtt, o.getString("broker-name"), o.getString("topic"), qos,
                o.getBoolean("retained"), o.getString("message"));
        }, vertx));
        out.add(new Tester("kafka", v -> Future.succeededFuture(opts("cluster", "example", "topic", "test",
            "key", "key", "message", "test kafka message")),
            // Kapacitor's test write leaves partitioning to its client's default hash of the key.
            o -> KafkaHandler.send(vertx, o.getString("cluster"), o.getString("topic"), false, "",
                o.getString("key"), o.getString("message")), vertx));
        addIncidentServices(vertx, http, out);
        addOpsGenie(vertx, http, out);
        addChat(vertx, http, out);
        addSensu(vertx, out);
        addAlerta(vertx, http, out);
        addBigPanda(vertx, http, out);
        addEventManagers(vertx, http, out);
        addSnmpTrap(vertx, out);
        addHttpPost(vertx, http, out);
        return out;
    }

    private static void addIncidentServices(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("pagerduty", v -> Future.succeededFuture(opts("incident-key", "testIncidentKey",
            "description", "test pagerduty message", "details", "", "level", "CRITICAL")),
            o -> ServiceConfig.single(vertx, "pagerduty").compose(c -> PagerDutyHandler.send(vertx, http,
                c.getString("service-key", ""), o.getString("incident-key"), o.getString("description"),
                Level.parse(o.getString("level")), o.getString("details"))), vertx));
        out.add(new Tester("pagerduty2", v -> Future.succeededFuture(opts("alert_id", "testAlertID",
            "description", "test pagerduty2 message", "level", "CRITICAL", "event_data", eventData("testPagerDuty2"),
            "timestamp", "2014-11-12T11:45:26.371Z", "links", List.of(
                opts("href", "https://example.com/a", "text", "a"),
                opts("href", "https://example.com/b", "text", "b")))),
            o -> ServiceConfig.single(vertx, "pagerduty2").compose(c -> {
                JsonObject data = o.getJsonObject("event_data", new JsonObject());
                List<PagerDuty2Handler.Link> links = new ArrayList<>();
                JsonArray ls = o.getJsonArray("links", new JsonArray());
                for (int i = 0; i < ls.size(); i++) {
                    JsonObject l = ls.getJsonObject(i);
                    links.add(new PagerDuty2Handler.Link(l.getString("href", ""), l.getString("text", "")));
                }
                JsonObject tags = data.getJsonObject("Tags", new JsonObject());
                return PagerDuty2Handler.send(vertx, http, c.getString("routing-key", ""), links,
                    o.getString("alert_id"), o.getString("description"), Level.parse(o.getString("level")),
                    rfc3339Nanos(o.getString("timestamp")), data.getString("TaskName", ""),
                    tags.getString("host"), resultOf(data));
            }), vertx));
    }

    private static void addOpsGenie(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("opsgenie", v -> ServiceConfig.single(v, "opsgenie").map(c -> opts(
            "teams", nonEmpty(c.getJsonArray("teams")), "recipients", nonEmpty(c.getJsonArray("recipients")),
            "message-type", "CRITICAL", "message", "test opsgenie message", "entity-id", "testEntityID")),
            o -> OpsGenieHandler.send(vertx, http, strings(o.getJsonArray("teams")),
                strings(o.getJsonArray("recipients")), o.getString("message-type"), o.getString("message"),
                o.getString("entity-id"), "{\"series\":null}"), vertx));
        out.add(new Tester("opsgenie2", v -> ServiceConfig.single(v, "opsgenie2").map(c -> opts(
            "teams", nonEmpty(c.getJsonArray("teams")), "recipients", nonEmpty(c.getJsonArray("recipients")),
            "recovery_action", c.getString("recovery_action", ""), "message-type", "CRITICAL",
            "message", "test opsgenie message", "entity-id", "testEntityID")),
            o -> {
                String type = o.getString("message-type");
                Level level = type.equals("RECOVERY") ? Level.OK : Level.parse(type);
                return OpsGenie2Handler.send(vertx, http, strings(o.getJsonArray("teams")),
                    strings(o.getJsonArray("recipients")), o.getString("recovery_action"), level,
                    o.getString("message"), o.getString("entity-id"), "", "{\"series\":null}", null);
            }, vertx));
    }

    private static void addChat(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("discord", v -> ServiceConfig.workspace(v, "discord", "").otherwise(new JsonObject())
            .map(c -> opts("workspace", c.getString("workspace", ""), "message", "test discord message",
                "level", "INFO", "username", "Kapacitor", "avatar-url", "https://influxdata.github.io/branding/img/"
                    + "downloads/influxdata-logo--symbol--pool-alpha.png",
                "embed-title", "Kapacitor Alert", "time-val", "1970-01-01T00:00:01Z")),
            o -> DiscordHandler.send(vertx, http, o.getString("workspace"), o.getString("message"),
                o.getString("username"), o.getString("avatar-url"), o.getString("embed-title"),
                rfc3339Nanos(o.getString("time-val")), Level.parse(o.getString("level"))), vertx));
        out.add(new Tester("pushover", v -> ServiceConfig.single(v, "pushover").map(c -> opts(
            "user-key", c.getString("user-key", ""), "message", "test pushover message", "device", "", "title", "",
            "url", "", "url-title", "", "sound", "", "level", "CRITICAL")),
            o -> PushoverHandler.send(vertx, http, o.getString("message"), o.getString("device"),
                o.getString("title"), o.getString("url"), o.getString("url-title"), o.getString("sound"),
                o.getString("user-key"), Level.parse(o.getString("level"))), vertx));
        out.add(new Tester("talk", v -> Future.succeededFuture(opts("title", "testTitle", "text", "test talk text")),
            o -> TalkHandler.send(vertx, http, o.getString("title"), o.getString("text")), vertx));
        out.add(new Tester("hipchat", v -> ServiceConfig.single(v, "hipchat").map(c -> opts(
            "room", c.getString("room", ""), "message", "test hipchat message", "level", "CRITICAL")),
            o -> ServiceConfig.single(vertx, "hipchat").compose(c -> HipChatHandler.send(vertx, http,
                o.getString("room"), c.getString("token", ""), o.getString("message"),
                Level.parse(o.getString("level")))), vertx));
    }

    private static void addSensu(Vertx vertx, List<ServiceTester> out) {
        io.vertx.core.net.NetClient client = SensuHandler.client(vertx);
        out.add(new Tester("sensu", v -> Future.succeededFuture(opts("name", "testName", "source", "Kapacitor",
            "output", "testOutput", "handlers", List.of(), "metadata", Map.of(), "level", "CRITICAL")),
            o -> SensuHandler.send(vertx, client, o.getString("name"), o.getString("source"), o.getString("output"),
                strings(o.getJsonArray("handlers")), o.getJsonObject("metadata", new JsonObject()).getMap(),
                Level.parse(o.getString("level"))), vertx));
    }

    private static void addAlerta(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("alerta", v -> ServiceConfig.single(v, "alerta").map(c -> opts(
            "resource", "testResource", "event", "testEvent", "environment", c.getString("environment", ""),
            "severity", "critical", "group", "testGroup", "value", "testValue", "message", "test alerta message",
            "origin", c.getString("origin", ""), "service", List.of("testServiceA", "testServiceB"),
            "correlate", List.of("testServiceX", "testServiceY"),
            "attributes", opts("testAttributeA", "A", "testAttributeB", true, "testAttributeC", 9001L),
            "timeout", "24h0m0s")),
            o -> ServiceConfig.single(vertx, "alerta").compose(c -> {
                long timeout;
                try {
                    timeout = kapacitor.util.Durations.parseNanos(o.getString("timeout"));
                } catch (IllegalArgumentException e) {
                    // Kapacitor ignores a bad timeout here and sends 0.
                    timeout = 0;
                }
                Map<String, Object> attrs = new java.util.TreeMap<>();
                o.getJsonObject("attributes", new JsonObject()).forEach(
                    e -> attrs.put(e.getKey(), HttpSender.goValue(e.getValue())));
                return AlertaHandler.send(vertx, http, c.getString("token", ""), c.getString("token-prefix", ""),
                    new AlertaHandler.Alert(o.getString("resource"), o.getString("event"),
                        o.getString("environment"), o.getString("severity"), o.getString("group"),
                        o.getString("value"), o.getString("message"), o.getString("origin"),
                        strings(o.getJsonArray("service")), strings(o.getJsonArray("correlate")), attrs, timeout,
                        Map.of(), "{\"series\":null}"));
            }), vertx));
    }

    private static void addBigPanda(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("bigpanda", v -> {
            java.time.Instant now = java.time.Instant.now();
            return Future.succeededFuture(opts("app_key", "012345", "message", "test bigpanda message",
                "level", "CRITICAL", "event_data", eventData("testBigPanda"), "timestamp",
                kapacitor.runtime.time.GoTime.formatRfc3339Nano(now.getEpochSecond() * 1_000_000_000L
                    + now.getNano()), "host", "serverA", "primary_property", "", "secondary_property", ""));
        }, o -> {
            JsonObject data = o.getJsonObject("event_data", new JsonObject());
            Map<String, String> tags = new java.util.TreeMap<>();
            data.getJsonObject("Tags", new JsonObject()).forEach(e -> tags.put(e.getKey(),
                String.valueOf(e.getValue())));
            Map<String, Object> fields = new java.util.TreeMap<>(data.getJsonObject("Fields", new JsonObject())
                .getMap());
            return BigPandaHandler.send(vertx, http, new BigPandaHandler.Target(o.getString("app_key"), "",
                o.getString("primary_property"), o.getString("secondary_property")),
                new BigPandaHandler.Alert("", o.getString("message"), "", Level.parse(o.getString("level")),
                    Math.floorDiv(rfc3339Nanos(o.getString("timestamp")), 1_000_000_000L),
                    data.getString("TaskName", ""), data.getString("Name", ""), tags, fields), Map.of());
        }, vertx));
    }

    private static void addEventManagers(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("servicenow", v -> Future.succeededFuture(opts("alert_id", "1001",
            "message", "test servicenow message", "level", "CRITICAL", "source", "Kapacitor", "node", "",
            "type", "", "resource", "", "metric_name", "", "message_key", "", "additional_info", Map.of())),
            o -> ServiceNowHandler.send(vertx, http, new ServiceNowHandler.Target("", o.getString("source"),
                o.getString("node"), o.getString("type"), o.getString("resource"), o.getString("metric_name"),
                o.getString("message_key"), o.getJsonObject("additional_info", new JsonObject()).getMap()),
                o.getString("alert_id"), o.getString("message"), Level.parse(o.getString("level")), "", "",
                Map.of(), Map.of()), vertx));
        out.add(new Tester("zenoss", v -> ServiceConfig.single(v, "zenoss").map(c -> opts("alert_id", "1001",
            "level", "CRITICAL", "message", "test zenoss message", "action", c.getString("action", ""),
            "method", c.getString("method", ""), "type", c.getString("type", ""), "tid", c.getLong("tid", 0L),
            "summary", "", "device", "", "component", "", "eventclasskey", "", "eventclass", "",
            "collector", c.getString("collector", ""), "custom_fields", Map.of())),
            o -> {
                kapacitor.alert.EventState state = new kapacitor.alert.EventState(o.getString("alert_id"),
                    o.getString("message"), "", 0L, 0L, Level.parse(o.getString("level")));
                return ZenossHandler.send(vertx, http, new ZenossHandler.Target(o.getString("action"),
                    o.getString("method"), o.getString("type"), o.getLong("tid", 0L), o.getString("summary"),
                    o.getString("device"), o.getString("component"), o.getString("eventclasskey"),
                    o.getString("eventclass"), o.getString("collector"), "",
                    o.getJsonObject("custom_fields", new JsonObject()).getMap()),
                    new kapacitor.alert.AlertEvent(null, state, kapacitor.alert.EventData.empty(), null, false));
            }, vertx));
    }

    private static void addSnmpTrap(Vertx vertx, List<ServiceTester> out) {
        io.vertx.core.datagram.DatagramSocket socket = vertx.createDatagramSocket();
        out.add(new Tester("snmptrap", v -> Future.succeededFuture(opts("trap-oid", "1.1.1.1", "data-list", List.of(
            opts("oid", "1.1.1.1.2", "type", "s", "value", "test snmptrap message")))),
            o -> {
                List<SnmpTrapHandler.Data> items = new ArrayList<>();
                JsonArray list = o.getJsonArray("data-list", new JsonArray());
                for (int i = 0; i < list.size(); i++) {
                    JsonObject d = list.getJsonObject(i);
                    items.add(new SnmpTrapHandler.Data(d.getString("oid", ""), d.getString("type", ""),
                        d.getString("value", "")));
                }
                return SnmpTrapHandler.send(vertx, socket, o.getString("trap-oid"), items);
            }, vertx));
    }

    /** The alert data of Kapacitor's zero alert.Event, which the httppost test posts. */
    private static final String ZERO_ALERT_DATA = "{\"id\":\"\",\"message\":\"\",\"details\":\"\","
        + "\"time\":\"0001-01-01T00:00:00Z\",\"duration\":0,\"level\":\"OK\",\"data\":{\"series\":null},"
        + "\"previousLevel\":\"OK\",\"recoverable\":false}\n";

    private static void addHttpPost(Vertx vertx, HttpSender http, List<ServiceTester> out) {
        out.add(new Tester("httppost", v -> Future.succeededFuture(opts("endpoint", "example",
            "url", "http://localhost:3000/", "headers", opts("Auth", "secret"), "timeout", 0L)),
            o -> {
                Map<String, Object> zero = new java.util.LinkedHashMap<>();
                zero.put("ID", "");
                zero.put("Message", "");
                zero.put("Details", "");
                zero.put("Duration", new kapacitor.alert.template.GoValues.Duration(0));
                zero.put("Level", "OK");
                zero.put("PreviousLevel", "OK");
                zero.put("Recoverable", false);
                String url = EventTemplates.render(EventTemplates.parse("url", o.getString("url")),
                    new kapacitor.alert.template.GoStruct("alert.Data", zero));
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                o.getJsonObject("headers", new JsonObject()).forEach(e -> headers.put(e.getKey(),
                    String.valueOf(e.getValue())));
                headers.put("Content-Type", "application/json");
                return http.send(io.vertx.core.http.HttpMethod.POST, url, headers,
                    io.vertx.core.buffer.Buffer.buffer(ZERO_ALERT_DATA))
                    .<Void>mapEmpty()
                    .recover(e -> Future.failedFuture(new HandlerException("failed to POST alert data: "
                        + e.getMessage())));
            }, vertx));
    }

    /** A configured list as Go holds it: a nil slice (JSON null) when the config has none. */
    private static List<String> nonEmpty(JsonArray a) {
        return a == null || a.isEmpty() ? null : strings(a);
    }

    /** An alert.EventData as Kapacitor's test options carry it: a name, empty tags and fields, no series. */
    static Map<String, Object> eventData(String name) {
        return opts("Name", name, "TaskName", "", "Category", "", "Group", "", "Tags", Map.of(), "Fields", Map.of(),
            "Recoverable", false, "Result", opts("series", null));
    }

    /** The Result of a posted event_data as JSON ({"series":null} when absent). */
    static String resultOf(JsonObject eventData) {
        Object r = eventData.getValue("Result");
        if (!(r instanceof JsonObject o) || o.getValue("series") == null) {
            return "{\"series\":null}";
        }
        return HttpSender.goMarshal(HttpSender.goValue(o)).toString();
    }

    static long rfc3339Nanos(String s) {
        try {
            java.time.Instant t = java.time.OffsetDateTime.parse(s).toInstant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (java.time.format.DateTimeParseException e) {
            throw new HandlerException("parsing time \"" + s + "\" as RFC3339: " + e.getMessage());
        }
    }

    private static Map<String, Object> opts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A JSON string list as a Java list; Go's nil slice (null) stays null. */
    private static List<String> strings(JsonArray a) {
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        a.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }

}
