package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.handler.FakeConfig;
import kapacitor.alert.handler.HttpPeer;
import kapacitor.alert.handler.PostEndpoint;
import kapacitor.alert.handler.PostEndpoints;
import kapacitor.app.Codecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kapacitor's per-service TestStream_Alert* cases: the script runs over TestStream_Alert's data and each handler's
 * requests reach a local peer configured through the service's config section; what the peer decodes must match
 * what Kapacitor's fake service expects.
 */
class AlertHandlersStreamerTest {
    /** The windowed count that makes TestStream_Alert's data CRITICAL once, at 00:00:10. */
    static final String COUNTED = """
        stream
            |from()
                .measurement('cpu')
                .where(lambda: "host" == 'serverA')
                .groupBy('host')
            |window()
                .period(10s)
                .every(10s)
            |count('value')
        """;
    static final String LEVELS = """
                .info(lambda: "count" > 6.0)
                .warn(lambda: "count" > 7.0)
                .crit(lambda: "count" > 8.0)
        """;
    static final String SERIES = "{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"serverA\"},"
        + "\"columns\":[\"time\",\"count\"],\"values\":[[\"1971-01-01T00:00:10Z\",10]]}]}";

    private Vertx vertx;
    private FakeConfig config;
    private HttpPeer peer;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        Codecs.register(vertx);
        config = new FakeConfig(vertx);
        peer = new HttpPeer(vertx);
    }

    @AfterEach
    void tearDown() {
        peer.close();
        await(vertx.close());
    }

    private ScriptRun run(String script) throws Exception {
        ScriptRun r = ScriptRun.run(vertx, "TestStream_Alert", script, "stream_alert");
        assertEquals(List.of(), r.errors());
        return r;
    }

    /** The next {@code n} requests as {url, auth, body}, then none more. */
    private List<Map<String, Object>> requests(int n) throws InterruptedException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpPeer.Request r = peer.next();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", r.uri());
            m.put("auth", r.headers().get("Authorization"));
            String type = r.headers().get("Content-Type");
            m.put("body", type != null && type.startsWith("application/x-www-form-urlencoded") ? form(r.body())
                : new JsonObject(r.body()).getMap());
            out.add(m);
        }
        assertTrue(peer.quiet(300), "more requests than expected");
        return out;
    }

    private static Map<String, Object> form(String body) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }

    private static Map<String, Object> req(String url, String auth, String body) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (url != null) {
            m.put("url", url);
        }
        if (auth != null) {
            m.put("auth", auth);
        }
        m.put("body", new JsonObject(body).getMap());
        return m;
    }

    @Test
    void slack() throws Exception {
        config.put("slack",
            new JsonObject().put("enabled", true).put("default", true).put("workspace", "")
                .put("url", peer.url("/test/slack/url")).put("channel", "#channel").put("username", "kapacitor"),
            new JsonObject().put("enabled", true).put("workspace", "company_private")
                .put("url", peer.url("/test/slack/url2")).put("token", "my_secret_token").put("channel", "#channel")
                .put("username", "kapacitor"));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .slack()
                .workspace('company_private')
                .channel('#alerts')
                .slack()
                .channel('@jim')
            """);
        String attachments = "\"attachments\":[{\"fallback\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"color\":\"danger\",\"text\":\"kapacitor/cpu/serverA is CRITICAL\",\"mrkdwn_in\":[\"text\"]}]";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/test/slack/url", "", "{\"channel\":\"@jim\",\"username\":\"kapacitor\",\"text\":\"\","
                + attachments + "}"),
            req("/test/slack/url2", "Bearer my_secret_token", "{\"channel\":\"#alerts\",\"username\":\"kapacitor\","
                + "\"text\":\"\"," + attachments + "}")), requests(2));
    }

    @Test
    void telegram() throws Exception {
        config.put("telegram", new JsonObject().put("enabled", true).put("url", peer.url("/bot"))
            .put("token", "TOKEN:AUTH").put("chat-id", "123456789").put("parse-mode", "")
            .put("disable-web-page-preview", true).put("disable-notification", false));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .telegram()
                    .chatId('12345678')
                        .disableNotification()
                        .parseMode('HTML')
                .telegram()
                    .chatId('87654321')
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/botTOKEN:AUTH/sendMessage", null, "{\"chat_id\":\"12345678\",\"text\":"
                + "\"kapacitor/cpu/serverA is CRITICAL\",\"parse_mode\":\"HTML\",\"disable_web_page_preview\":true,"
                + "\"disable_notification\":true}"),
            req("/botTOKEN:AUTH/sendMessage", null, "{\"chat_id\":\"87654321\",\"text\":"
                + "\"kapacitor/cpu/serverA is CRITICAL\",\"parse_mode\":\"\",\"disable_web_page_preview\":true,"
                + "\"disable_notification\":false}")), requests(2));
    }

    @Test
    void hipChat() throws Exception {
        config.put("hipchat", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("room", "1231234").put("token", "testtoken1231234"));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .hipChat()
                    .room('1234567')
                    .token('testtoken1234567')
                .hipChat()
                    .room('Test Room')
                    .token('testtokenTestRoom')
            """);
        String body = "{\"from\":\"kapacitor\",\"message\":\"kapacitor/cpu/serverA is CRITICAL\",\"color\":\"red\","
            + "\"notify\":true}";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/1234567/notification?auth_token=testtoken1234567", null, body),
            req("/Test%20Room/notification?auth_token=testtokenTestRoom", null, body)), requests(2));
    }

    @Test
    void alerta() throws Exception {
        config.put("alerta", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("origin", "Kapacitor"));
        run(COUNTED + """
            |alert()
                .id('{{ index .Tags "host" }}')
                .message('kapacitor/{{ .Name }}/{{ index .Tags "host" }} is {{ .Level }} @{{.Time}}')
            """ + LEVELS + """
                .alerta()
                    .token('testtoken1234567')
                    .environment('production')
                    .timeout(1h)
                .alerta()
                    .token('anothertesttoken')
                    .resource('resource: {{ index .Tags "host" }}')
                    .event('event: {{ .TaskName }}')
                    .environment('{{ index .Tags "host" }}')
                    .origin('override')
                    .group('{{ .ID }}')
                    .value('{{ index .Fields "count" }}')
                    .services('serviceA', 'serviceB', '{{ .Name }}')
                    .correlated('{{ .Name }}')
                    .attribute('attributeA', '{{ .Name }}')
                    .attribute('attributeB', TRUE)
                    .attribute('attributeC', 9001.0)
            """);
        String text = "kapacitor/cpu/serverA is CRITICAL @1971-01-01 00:00:10 +0000 UTC";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/alert", "Bearer testtoken1234567", "{\"resource\":\"cpu\",\"event\":\"serverA\","
                + "\"group\":\"host=serverA\",\"environment\":\"production\",\"text\":\"" + text + "\","
                + "\"origin\":\"Kapacitor\",\"service\":[\"cpu\"],\"correlate\":[\"cpu\"],\"attributes\":null,"
                + "\"timeout\":3600}"),
            req("/alert", "Bearer anothertesttoken", "{\"resource\":\"resource: serverA\","
                + "\"event\":\"event: TestStream_Alert\",\"group\":\"serverA\",\"environment\":\"serverA\","
                + "\"text\":\"" + text + "\",\"origin\":\"override\",\"service\":[\"serviceA\",\"serviceB\",\"cpu\"],"
                + "\"correlate\":[\"cpu\"],\"value\":\"10\",\"attributes\":{\"attributeA\":\"cpu\","
                + "\"attributeB\":true,\"attributeC\":9001},\"timeout\":86400}")), requests(2));
    }

    @Test
    void discord() throws Exception {
        config.put("discord",
            new JsonObject().put("enabled", true).put("default", true).put("workspace", "")
                .put("url", peer.url("/test/discord/url")),
            new JsonObject().put("enabled", true).put("workspace", "company_private").put("username", "comp testy")
                .put("url", peer.url("/test/discord/url2")));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .discord()
                .workspace('company_private')
                .discord()
                .username('testy')
            """);
        String embeds = "\"embeds\":[{\"color\":" + 0xF95F53 + ",\"description\":"
            + "\"kapacitor/cpu/serverA is CRITICAL\",\"title\":\"\",\"timestamp\":\"\"}]";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/test/discord/url", null, "{\"username\":\"testy\",\"avatar_url\":\"\"," + embeds + "}"),
            req("/test/discord/url2", null, "{\"username\":\"comp testy\",\"avatar_url\":\"\"," + embeds + "}")),
            requests(2));
    }

    @Test
    void bigPanda() throws Exception {
        config.put("bigpanda", new JsonObject().put("enabled", true).put("app-key", "012345")
            .put("token", "testtoken1231234").put("url", peer.url("/test/bigpanda/url")).put("auto-attributes", ""));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                .message('kapacitor/{{ .Name }}/{{ index .Tags "host" }} is {{ .Level }} @{{.Time}}')
                .details('https://example.org/link')
            """ + LEVELS + """
                .bigPanda()
                    .appKey('111111')
                    .host('{{.Tags.host}}')
                    .primaryProperty('host')
                .bigPanda()
                    .appKey('222222')
                    .host('serverA-1')
                    .secondaryProperty('application')
                .bigPanda()
                    .attribute('x_host', '{{.Tags.host}}')
                    .attribute('x_duration', '{{.Duration}}')
                    .attribute('x_detail', '{{.Details}}')
                    .attribute('x_value', '{{.Fields.count}}')
            """);
        String common = "\"check\":\"kapacitor/cpu/serverA\",\"description\":"
            + "\"kapacitor/cpu/serverA is CRITICAL @1971-01-01 00:00:10 +0000 UTC\",\"status\":\"critical\","
            + "\"timestamp\":31536010,\"task\":\"TestStream_Alert:cpu\",\"details\":\"https://example.org/link\"";
        List<Map<String, Object>> got = requests(3);
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/test/bigpanda/url", null, "{" + common + ",\"app_key\":\"111111\",\"host\":\"serverA\","
                + "\"primary_property\":\"host\"}"),
            req("/test/bigpanda/url", null, "{" + common + ",\"app_key\":\"222222\",\"host\":\"serverA-1\","
                + "\"secondary_property\":\"application\"}"),
            req("/test/bigpanda/url", null, "{" + common + ",\"app_key\":\"012345\",\"host\":\"\","
                + "\"x_detail\":\"https://example.org/link\",\"x_duration\":\"0s\",\"x_host\":\"serverA\","
                + "\"x_value\":\"10\"}")), got);
        // The fake service reads every key it does not know as an attribute: there must be no others.
        java.util.Set<String> known = java.util.Set.of("app_key", "status", "host", "timestamp", "check",
            "description", "cluster", "task", "details", "primary_property", "secondary_property");
        for (Map<String, Object> r : got) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) r.get("body");
            long attributes = body.keySet().stream().filter(k -> !known.contains(k)).count();
            assertEquals(body.get("app_key").equals("012345") ? 4 : 0, attributes, body.toString());
        }
    }

    @Test
    void pushover() throws Exception {
        config.put("pushover", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("user-key", "user").put("token", "KzGDORePKggMaC0QOYAMyEEuzJnyUi"));
        run(COUNTED + """
            |alert()
                .id('{{ index .Tags "host" }}')
                .message('kapacitor/{{ .Name }}/{{ index .Tags "host" }} is {{ .Level }} @{{.Time}}')
            """ + LEVELS + """
                .pushover()
                    .sound('siren')
                    .device('mydev')
                    .title('mytitle')
                    .URL('http://example.com')
                    .URLTitle('myurltitle')
                .pushover()
                    .title('othertitle')
                    .device('otherdev')
            """);
        String common = "\"token\":\"KzGDORePKggMaC0QOYAMyEEuzJnyUi\",\"user\":\"user\",\"message\":"
            + "\"kapacitor/cpu/serverA is CRITICAL @1971-01-01 00:00:10 +0000 UTC\",\"priority\":\"1\"";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req(null, null, "{" + common + ",\"device\":\"mydev\",\"sound\":\"siren\",\"title\":\"mytitle\","
                + "\"url\":\"http://example.com\",\"url_title\":\"myurltitle\"}"),
            req(null, null, "{" + common + ",\"device\":\"otherdev\",\"title\":\"othertitle\",\"sound\":\"\","
                + "\"url\":\"\",\"url_title\":\"\"}")), requests(2));
    }

    @Test
    void opsGenie() throws Exception {
        config.put("opsgenie", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("api-key", "api_key"));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .opsGenie()
                    .teams('test_team', 'another_team')
                    .recipients('test_recipient', 'another_recipient')
                .opsGenie()
                    .teams('test_team2' )
                    .recipients('test_recipient2', 'another_recipient')
            """);
        String common = "\"apiKey\":\"api_key\",\"message\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"entity\":\"kapacitor/cpu/serverA\",\"alias\":\"kapacitor/cpu/serverA\",\"note\":\"\","
            + "\"details\":{\"Level\":\"CRITICAL\",\"Monitoring Tool\":\"Kapacitor\"},\"description\":"
            + quoted(SERIES);
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/", null, "{" + common + ",\"teams\":[\"test_team\",\"another_team\"],"
                + "\"recipients\":[\"test_recipient\",\"another_recipient\"]}"),
            req("/", null, "{" + common + ",\"teams\":[\"test_team2\"],"
                + "\"recipients\":[\"test_recipient2\",\"another_recipient\"]}")), requests(2));
    }

    @Test
    void opsGenie2() throws Exception {
        config.put("opsgenie2", new JsonObject().put("enabled", true).put("details", false)
            .put("url", peer.url("")).put("api-key", "api_key"));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .opsGenie2()
                    .teams('test_team', 'another_team')
                    .recipients('test_recipient', 'another_recipient')
                .opsGenie2()
                    .teams('test_team2' )
                    .recipients('test_recipient2', 'another_recipient')
            """);
        String common = "\"message\":\"kapacitor/cpu/serverA is CRITICAL\",\"entity\":\"kapacitor/cpu/serverA\","
            + "\"alias\":\"a2FwYWNpdG9yL2NwdS9zZXJ2ZXJB\",\"note\":\"\",\"priority\":\"P1\","
            + "\"details\":{\"Level\":\"CRITICAL\",\"Monitoring Tool\":\"Kapacitor\",\"Kapacitor Task Name\":\"cpu\","
            + "\"host\":\"serverA\"},\"description\":" + quoted(SERIES);
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/", "GenieKey api_key", "{" + common + ",\"responders\":[{\"name\":\"test_team\",\"type\":\"team\"},"
                + "{\"name\":\"another_team\",\"type\":\"team\"},{\"username\":\"test_recipient\",\"type\":\"user\"},"
                + "{\"username\":\"another_recipient\",\"type\":\"user\"}]}"),
            req("/", "GenieKey api_key", "{" + common + ",\"responders\":[{\"name\":\"test_team2\",\"type\":\"team\"},"
                + "{\"username\":\"test_recipient2\",\"type\":\"user\"},"
                + "{\"username\":\"another_recipient\",\"type\":\"user\"}]}")), requests(2));
    }

    @Test
    void opsGenie2Recovery() throws Exception {
        config.put("opsgenie2", new JsonObject().put("enabled", true).put("details", false)
            .put("url", peer.url("")).put("recovery_action", "notes").put("api-key", "api_key"));
        assertEquals(List.of(), ScriptRun.run(vertx, "TestStream_AlertRecovery", """
            stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "host" == 'serverA')
                    .groupBy('host')
                |alert()
                    .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                    .crit(lambda: "v" > 1.0)
                    .opsGenie2()
                        .teams('test_team')
            """, "stream_alert_recovery").errors());
        List<Map<String, Object>> got = requests(2);
        // One handler sends in order: the alert, then the recovery as a note on the alias.
        assertEquals(null, GoDecoded.diff(req("/", "GenieKey api_key", "{\"message\":"
            + "\"kapacitor/cpu/serverA is CRITICAL\",\"entity\":\"kapacitor/cpu/serverA\","
            + "\"alias\":\"a2FwYWNpdG9yL2NwdS9zZXJ2ZXJB\",\"note\":\"\",\"priority\":\"P1\",\"details\":{\"Level\":"
            + "\"CRITICAL\",\"Monitoring Tool\":\"Kapacitor\",\"Kapacitor Task Name\":\"cpu\",\"host\":\"serverA\","
            + "\"type\":\"idle\"},\"description\":" + quoted("{\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":"
            + "\"serverA\",\"type\":\"idle\"},\"columns\":[\"time\",\"v\"],"
            + "\"values\":[[\"1971-01-01T00:00:00Z\",2]]}]}")
            + ",\"responders\":[{\"name\":\"test_team\",\"type\":\"team\"}]}"), got.get(0), ""));
        assertEquals(null, GoDecoded.diff(req("/a2FwYWNpdG9yL2NwdS9zZXJ2ZXJB/notes?identifierType=alias",
            "GenieKey api_key", "{\"note\":\"kapacitor/cpu/serverA is OK\",\"message\":\"\",\"entity\":\"\","
                + "\"alias\":\"\",\"priority\":\"\",\"description\":\"\",\"details\":null,\"responders\":null}"),
            got.get(1), ""));
    }

    @Test
    void pagerDuty() throws Exception {
        config.put("pagerduty", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("service-key", "service_key"));
        kapacitor.alert.handler.ServerUrl.set(vertx, "http://localhost:9092/kapacitor/v1");
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                .message('{{ .Level }} alert for {{ .ID }}')
            """ + LEVELS + """
                .pagerDuty()
                .pagerDuty()
                    .serviceKey('test_override_key')
            """);
        String details = "{\"Name\":\"cpu\",\"TaskName\":\"TestStream_Alert\",\"Group\":\"host=serverA\","
            + "\"Tags\":{\"host\":\"serverA\"},\"ServerInfo\":{\"Hostname\":\"localhost\",\"ClusterID\":\"\","
            + "\"ServerID\":\"\"},\"ID\":\"kapacitor/cpu/serverA\",\"Fields\":{\"count\":10},\"Level\":\"CRITICAL\","
            + "\"Time\":\"1971-01-01T00:00:10Z\",\"Duration\":0,"
            + "\"Message\":\"CRITICAL alert for kapacitor/cpu/serverA\"}"
            + "\n";
        String common = "\"event_type\":\"trigger\",\"description\":\"CRITICAL alert for kapacitor/cpu/serverA\","
            + "\"client\":\"kapacitor\",\"client_url\":\"http://localhost:9092/kapacitor/v1\",\"details\":"
            + quoted(htmlEscape(details));
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/", null, "{\"service_key\":\"service_key\"," + common + "}"),
            req("/", null, "{\"service_key\":\"test_override_key\"," + common + "}")), requests(2));
    }

    /** Go's html.EscapeString. */
    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\"", "&#34;");
    }

    private static final String PD2_PAYLOAD = "\"payload\":{\"summary\":\"CRITICAL alert for kapacitor/cpu/serverA\","
        + "\"source\":\"serverA\",\"severity\":\"critical\",\"class\":\"TestStream_Alert\",\"custom_details\":"
        + "{\"result\":" + SERIES + "},\"timestamp\":\"1971-01-01T00:00:10.000000000Z\",\"component\":\"\","
        + "\"group\":\"\"}";

    @Test
    void pagerDuty2() throws Exception {
        config.put("pagerduty2", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("routing-key", "routing_key"));
        kapacitor.alert.handler.ServerUrl.set(vertx, "http://localhost:9092/kapacitor/v1");
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                .message('{{ .Level }} alert for {{ .ID }}')
            """ + LEVELS + """
                .pagerDuty2()
                .pagerDuty2()
                    .routingKey('test_override_key')
                    .link('http://example.com')
                    .link('http://example.com/{{.TaskName}}','task')
            """);
        String common = "\"client\":\"kapacitor\",\"client_url\":\"http://localhost:9092/kapacitor/v1\","
            + "\"event_action\":\"trigger\",\"dedup_key\":\"kapacitor/cpu/serverA\"," + PD2_PAYLOAD;
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/", null, "{" + common + ",\"routing_key\":\"routing_key\",\"links\":[]}"),
            req("/", null, "{" + common + ",\"routing_key\":\"test_override_key\",\"links\":["
                + "{\"href\":\"http://example.com\",\"text\":\"http://example.com\"},"
                + "{\"href\":\"http://example.com/TestStream_Alert\",\"text\":\"task\"}]}")), requests(2));
    }

    @Test
    void pagerDuty2ServiceKey() throws Exception {
        config.put("pagerduty2", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("routing-key", "routing_key"));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                .message('{{ .Level }} alert for {{ .ID }}')
            """ + LEVELS + """
                .pagerDuty2()
                .pagerDuty2()
                    .serviceKey('test_override_key')
            """);
        String common = "\"client\":\"kapacitor\",\"client_url\":\"\",\"event_action\":\"trigger\","
            + "\"dedup_key\":\"kapacitor/cpu/serverA\"," + PD2_PAYLOAD + ",\"links\":[]";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/", null, "{" + common + ",\"routing_key\":\"routing_key\"}"),
            req("/", null, "{" + common + ",\"routing_key\":\"test_override_key\"}")), requests(2));
    }

    private static final String ALERT_DATA = "{\"id\":\"kapacitor.cpu.serverA\",\"message\":"
        + "\"kapacitor.cpu.serverA is CRITICAL\",\"details\":\"\",\"time\":\"1971-01-01T00:00:10Z\",\"duration\":0,"
        + "\"level\":\"CRITICAL\",\"data\":" + SERIES + ",\"previousLevel\":\"OK\",\"recoverable\":true}";

    @Test
    void httpPost() throws Exception {
        run(COUNTED + """
            |alert()
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
                .details('')
            """ + LEVELS + """
                .post('""" + peer.url("") + "')\n");
        GoDecoded.assertMatchIgnoringOrder(List.of(req(null, null, ALERT_DATA)), requests(1));
    }

    @Test
    void httpPostEndpoint() throws Exception {
        PostEndpoints.of(vertx).put(new PostEndpoint("test", peer.url(""), Map.of("Authorization", "works")));
        run(COUNTED + """
            |alert()
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
                .details('')
            """ + LEVELS + """
                .post()
                 .endpoint('test')
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(req(null, "works", ALERT_DATA)), requests(1));
    }

    @Test
    void victorOps() throws Exception {
        config.put("victorops", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("api-key", "api_key").put("routing-key", "routing_key").put("json-data", false));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .victorOps()
                    .routingKey('test_key')
                .victorOps()
                    .routingKey('test_key2')
            """);
        String body = "{\"message_type\":\"CRITICAL\",\"entity_id\":\"kapacitor/cpu/serverA\",\"state_message\":"
            + "\"kapacitor/cpu/serverA is CRITICAL\",\"timestamp\":31536010,\"monitoring_tool\":\"kapacitor\","
            + "\"data\":" + quoted(SERIES) + "}";
        GoDecoded.assertMatchIgnoringOrder(List.of(req("/api_key/test_key", null, body),
            req("/api_key/test_key2", null, body)), requests(2));
    }

    @Test
    void victorOpsJsonData() throws Exception {
        config.put("victorops", new JsonObject().put("enabled", true).put("url", peer.url(""))
            .put("api-key", "api_key").put("routing-key", "routing_key").put("json-data", true));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .victorOps()
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(req("/api_key/routing_key", null, "{\"message_type\":"
            + "\"CRITICAL\",\"entity_id\":\"kapacitor/cpu/serverA\",\"state_message\":"
            + "\"kapacitor/cpu/serverA is CRITICAL\",\"timestamp\":31536010,\"monitoring_tool\":\"kapacitor\","
            + "\"data\":" + SERIES + "}")), requests(1));
    }

    @Test
    void talk() throws Exception {
        config.put("talk", new JsonObject().put("enabled", true).put("url", peer.url("/"))
            .put("author_name", "Kapacitor"));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .talk()
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(req("/", null, "{\"authorName\":\"Kapacitor\","
            + "\"text\":\"kapacitor/cpu/serverA is CRITICAL\",\"title\":\"kapacitor/cpu/serverA\"}")), requests(1));
    }

    @Test
    void teams() throws Exception {
        config.put("teams", new JsonObject().put("enabled", true).put("channel-url", peer.url("/")));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .teams()
                .teams()
                    .channelURL('""" + peer.url("/") + "')\n");
        String card = "{\"@type\":\"MessageCard\",\"@context\":\"http://schema.org/extensions\","
            + "\"title\":\"CRITICAL: [kapacitor/cpu/serverA]\",\"text\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"summary\":\"CRITICAL: [kapacitor/cpu/serverA] - kapacitor/cpu/serverA is CRITICAL...\","
            + "\"themeColor\":\"CC4A31\"}";
        GoDecoded.assertMatchIgnoringOrder(List.of(req("/", null, card), req("/", null, card)), requests(2));
    }

    /** TestStream_Alert's windowed mean per host and type, for the ServiceNow and Zenoss cases. */
    private static final String MEANS = """
        stream
            |from()
                .measurement('cpu')
                .where(lambda: "host" == 'serverA')
                .groupBy('host', 'type')
            |window()
                .period(10s)
                .every(10s)
            |mean('value')
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
                .info(lambda: "mean" > 15.0)
                .warn(lambda: "mean" > 50.0)
                .crit(lambda: "mean" > 90.0)
        """;

    @Test
    void serviceNow() throws Exception {
        config.put("servicenow", new JsonObject().put("enabled", true)
            .put("url", peer.url("/api/global/em/jsonv2")).put("source", "Kapacitor"));
        run(MEANS + """
                .serviceNow()
                .serviceNow()
                    .node('{{ index .Tags "host" }}')
                    .type('CPU')
                    .resource('CPU-Total')
                    .metricName('{{ index .Tags "type" }}')
                    .messageKey('Alert: {{ .ID }}')
                    .additionalInfo('link', 'http://push/alert?id={{ .ID }}')
                    .additionalInfo('ticks', 666)
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(
            req("/api/global/em/jsonv2", null, "{\"records\":[{\"source\":\"Kapacitor\",\"node\":\"serverA\","
                + "\"type\":\"CPU\",\"resource\":\"CPU-Total\",\"metric_name\":\"idle\",\"message_key\":"
                + "\"Alert: kapacitor/cpu/serverA\",\"severity\":\"1\",\"description\":"
                + "\"kapacitor/cpu/serverA is CRITICAL\",\"additional_info\":" + quoted("{\"link\":"
                + "\"http://push/alert?id=kapacitor/cpu/serverA\",\"ticks\":\"666\"}") + "}]}"),
            req("/api/global/em/jsonv2", null, "{\"records\":[{\"source\":\"Kapacitor\",\"node\":\"\",\"type\":\"\","
                + "\"resource\":\"\",\"metric_name\":\"\",\"message_key\":\"kapacitor/cpu/serverA\",\"severity\":\"1\","
                + "\"description\":\"kapacitor/cpu/serverA is CRITICAL\",\"additional_info\":\"\"}]}")),
            requests(2));
    }

    private JsonObject zenossConfig() {
        return new JsonObject().put("enabled", true).put("url", peer.url("/zport/dmd/evconsole_router"))
            .put("action", "EventsRouter").put("method", "add_event").put("type", "rpc").put("tid", 1)
            .put("collector", "Kapacitor").put("severity-map", new JsonObject().put("OK", "Clear").put("Info", "Info")
                .put("Warning", "Warning").put("Critical", "Critical"));
    }

    @Test
    void zenoss() throws Exception {
        config.put("zenoss", zenossConfig().put("collector", ""));
        run(MEANS + """
                .zenoss()
                    .device('#DEVICE001')
                    .component('CPU')
                    .eventClass('/App')
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(req("/zport/dmd/evconsole_router", null, "{\"action\":"
            + "\"EventsRouter\",\"method\":\"add_event\",\"data\":[{\"summary\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"device\":\"#DEVICE001\",\"component\":\"CPU\",\"severity\":\"Critical\",\"evclasskey\":\"\","
            + "\"evclass\":\"/App\"}],\"type\":\"rpc\",\"tid\":1}")), requests(1));
    }

    private static final String ZENOSS_DATA = "{\"id\":\"{{.ID}}\",\"message\":\"{{.Message}}\",\"time\":\"{{.Time}}\","
        + "\"duration\":\"{{ .Duration}}\",\"level\":\"{{.Level}}\",\"recoverable\":{{.Recoverable}}}";

    @Test
    void zenossCustom() throws Exception {
        config.put("zenoss", zenossConfig().put("severity-map", new JsonObject().put("OK", 0).put("Info", 2)
            .put("Warning", 3).put("Critical", 5)));
        run(MEANS + """
                .details('{{.}}')
                .zenoss()
                    .action('ScriptsRouter')
                    .method('kapa_handler')
                    .eventClass('/App')
                    .message('This is message for alert {{ .ID }}')
                    .collector('{{ index .Tags "host" }}')
                    .customField('data', '""" + ZENOSS_DATA + """
            ')
                    .customField('ticks', 33)
            """);
        GoDecoded.assertMatchIgnoringOrder(List.of(req("/zport/dmd/evconsole_router", null, "{\"action\":"
            + "\"ScriptsRouter\",\"method\":\"kapa_handler\",\"data\":[{\"summary\":"
            + "\"kapacitor/cpu/serverA is CRITICAL\",\"device\":\"\",\"component\":\"\",\"severity\":5,"
            + "\"evclasskey\":\"\",\"evclass\":\"/App\",\"collector\":\"serverA\",\"message\":"
            + "\"This is message for alert kapacitor/cpu/serverA\",\"data\":{\"id\":\"kapacitor/cpu/serverA\","
            + "\"level\":\"CRITICAL\",\"message\":\"kapacitor/cpu/serverA is CRITICAL\","
            + "\"time\":\"1971-01-01 00:00:10 +0000 UTC\",\"duration\":\"0s\",\"recoverable\":true},\"ticks\":33}],"
            + "\"type\":\"rpc\",\"tid\":1}")), requests(1));
    }

    /** A TCP listener that records everything each connection sends before it closes. */
    private java.util.concurrent.LinkedBlockingQueue<String> tcpPeer(int port, String answer) {
        java.util.concurrent.LinkedBlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        await(vertx.createNetServer().connectHandler(so -> {
            io.vertx.core.buffer.Buffer in = io.vertx.core.buffer.Buffer.buffer();
            so.handler(b -> {
                in.appendBuffer(b);
                if (answer != null && in.toString().endsWith("\n")) {
                    so.end(io.vertx.core.buffer.Buffer.buffer(answer));
                }
            });
            so.closeHandler(v -> received.add(in.toString()));
            so.endHandler(v -> so.close());
        }).listen(port, "127.0.0.1"));
        return received;
    }

    private static List<Object> lines(java.util.concurrent.BlockingQueue<String> q, int n) throws Exception {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = q.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("got " + i + " messages, expected " + n);
            }
            for (String line : s.split("\n")) {
                out.add(new JsonObject(line).getMap());
            }
        }
        assertEquals(null, q.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS));
        return out;
    }

    @Test
    void sensu() throws Exception {
        int port = kapacitor.testing.Http.freePort();
        java.util.concurrent.LinkedBlockingQueue<String> got = tcpPeer(port, "ok");
        config.put("sensu", new JsonObject().put("enabled", true).put("addr", "127.0.0.1:" + port)
            .put("source", "Kapacitor"));
        run(COUNTED + """
            |alert()
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
            """ + LEVELS + """
                .sensu()
                    .metadata('k1', 'v1')
                    .metadata('k2', 5)
            """);
        List<Object> requests = lines(got, 1);
        // Sensu's fake reads the known keys and takes every other one as metadata.
        GoDecoded.assertMatchIgnoringOrder(List.of(new JsonObject("{\"source\":\"Kapacitor\",\"output\":"
            + "\"kapacitor.cpu.serverA is CRITICAL\",\"name\":\"kapacitor.cpu.serverA\",\"status\":2,"
            + "\"handlers\":null}").getMap()), requests);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) requests.get(0));
        List.of("name", "source", "output", "status", "handlers").forEach(body::remove);
        assertEquals(Map.of("k1", "v1", "k2", 5), body);
    }

    @Test
    void tcp() throws Exception {
        int port = kapacitor.testing.Http.freePort();
        java.util.concurrent.LinkedBlockingQueue<String> got = tcpPeer(port, null);
        run(COUNTED + """
            |alert()
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
            """ + LEVELS + """
                .details('')
                .tcp('127.0.0.1:""" + port + "')\n");
        GoDecoded.assertMatchIgnoringOrder(List.of(new JsonObject(ALERT_DATA).getMap()), lines(got, 1));
    }

    @Test
    void log(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path normal = dir.resolve("normal.log");
        java.nio.file.Path mode = dir.resolve("mode.log");
        run(COUNTED + """
            |alert()
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
            """ + LEVELS + """
                .details('')
                .log('""" + normal + """
            ')
                .log('""" + mode + """
            ')
                    .mode(0644)
            """);
        for (java.nio.file.Path p : List.of(normal, mode)) {
            waitFor(p);
            List<String> written = java.nio.file.Files.readAllLines(p);
            assertEquals(1, written.size(), written.toString());
            assertEquals(null, GoDecoded.diff(new JsonObject(ALERT_DATA).getMap(),
                new JsonObject(written.get(0)).getMap(), p.toString()));
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
            java.nio.file.Files.getPosixFilePermissions(normal)));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
            java.nio.file.Files.getPosixFilePermissions(mode)));
    }

    /** Waits until a handler has written a whole line to the file. */
    private static void waitFor(java.nio.file.Path p) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (java.nio.file.Files.exists(p) && java.nio.file.Files.readString(p).endsWith("\n")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing written to " + p);
    }

    @Test
    void exec(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Each program records its arguments and its stdin, as Kapacitor's fake commander does.
        java.nio.file.Path script = dir.resolve("my-script");
        java.nio.file.Path other = dir.resolve("my-other-script");
        for (java.nio.file.Path p : List.of(script, other)) {
            java.nio.file.Files.writeString(p, "#!/bin/sh\nprintf '%s\\n' \"$#:$*\" > \"$0.args\"\n"
                + "cat > \"$0.stdin.tmp\" && mv \"$0.stdin.tmp\" \"$0.stdin\"\n");
            p.toFile().setExecutable(true);
        }
        run(COUNTED + """
            |alert()
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
            """ + LEVELS + """
                .details('')
                .exec('""" + script + """
            ', 'arg1', 'arg2')
                .exec('""" + other + """
            ')
            """);
        for (java.nio.file.Path p : List.of(script, other)) {
            java.nio.file.Path stdin = java.nio.file.Paths.get(p + ".stdin");
            waitFor(stdin);
            String data = java.nio.file.Files.readString(stdin);
            // Go's json.Marshal of the alert data plus a newline, byte for byte.
            assertEquals(ALERT_DATA + "\n", data);
        }
        assertEquals("2:arg1 arg2\n", java.nio.file.Files.readString(java.nio.file.Paths.get(script + ".args")));
        assertEquals("0:\n", java.nio.file.Files.readString(java.nio.file.Paths.get(other + ".args")));
    }

    /** A mail as Go's net/mail reads it from the DATA section: canonical headers and the raw body. */
    record Mail(Map<String, String> headers, String body) {
    }

    /** An SMTP server that accepts everything, as Kapacitor's smtptest server does. */
    private java.util.concurrent.LinkedBlockingQueue<Mail> smtpPeer(int port) {
        java.util.concurrent.LinkedBlockingQueue<Mail> mails = new java.util.concurrent.LinkedBlockingQueue<>();
        await(vertx.createNetServer().connectHandler(so -> {
            List<String> data = new ArrayList<>();
            boolean[] inData = {false};
            so.write("220 localhost ESMTP\r\n");
            so.handler(io.vertx.core.parsetools.RecordParser.newDelimited("\r\n", b -> {
                String line = b.toString();
                if (inData[0]) {
                    if (line.equals(".")) {
                        inData[0] = false;
                        mails.add(mail(data));
                        data.clear();
                        so.write("250 OK\r\n");
                    } else {
                        data.add(line.startsWith(".") ? line.substring(1) : line);
                    }
                } else if (line.equals("DATA")) {
                    inData[0] = true;
                    so.write("354 send data\r\n");
                } else if (line.equals("QUIT")) {
                    so.write("221 bye\r\n");
                    so.close();
                } else {
                    so.write("250 OK\r\n");
                }
            }));
        }).listen(port, "127.0.0.1"));
        return mails;
    }

    private static Mail mail(List<String> lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 0;
        String last = null;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String l = lines.get(i);
            if ((l.startsWith(" ") || l.startsWith("\t")) && last != null) {
                headers.put(last, headers.get(last) + " " + l.trim());
                continue;
            }
            int c = l.indexOf(':');
            last = l.substring(0, c);
            headers.put(last, l.substring(c + 1).trim());
        }
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.size(); i++) {
            body.append(lines.get(i)).append('\n');
        }
        return new Mail(headers, body.toString());
    }

    private static final String EMAIL_DETAILS = """
                .id('kapacitor.{{ .Name }}.{{ index .Tags "host" }}')
                .details('''
        <b>{{.Message}}</b>
        Value: {{ index .Fields "count" }}
        <a href="http://graphs.example.com/host/{{index .Tags "host"}}">Details</a>
        ''')
        """;
    private static final String EMAIL_BODY = """

        <b>kapacitor.cpu.serverA is CRITICAL</b>
        Value: 10
        <a href=3D"http://graphs.example.com/host/serverA">Details</a>
        """;

    private void email(String alert, String... to) throws Exception {
        int port = kapacitor.testing.Http.freePort();
        java.util.concurrent.LinkedBlockingQueue<Mail> mails = smtpPeer(port);
        config.put("smtp", new JsonObject().put("enabled", true).put("host", "127.0.0.1").put("port", port)
            .put("from", "test@example.com").put("to", new JsonArray()).put("no-verify", false)
            .put("idle-timeout", "30s"));
        run(alert);
        for (String recipients : to) {
            Mail m = mails.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no mail to " + recipients);
            }
            assertEquals(EMAIL_BODY, m.body());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("Mime-Version", "1.0");
            expected.put("Content-Type", "text/html; charset=UTF-8");
            expected.put("Content-Transfer-Encoding", "quoted-printable");
            expected.put("To", recipients);
            expected.put("From", "test@example.com");
            expected.put("Subject", "kapacitor.cpu.serverA is CRITICAL");
            Map<String, String> got = new LinkedHashMap<>();
            for (String k : expected.keySet()) {
                got.put(k, m.headers().get(k));
            }
            assertEquals(expected, got, m.headers().toString());
        }
        assertEquals(null, mails.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void emailDirectly() throws Exception {
        email(COUNTED + "|alert()\n" + EMAIL_DETAILS + LEVELS + """
                .email('user1@example.com', 'user2@example.com')
                .email()
                    .to('user1@example.com', 'user2@example.com')
            """, "user1@example.com, user2@example.com", "user1@example.com, user2@example.com");
    }

    @Test
    void emailDirectlyAndInFields() throws Exception {
        email(COUNTED + """
            |default()
                .field('extraemail','bob@example.com')
                .tag('tagemail','bob2@example.com')
            |alert()
            """ + EMAIL_DETAILS + LEVELS + """
                .email()
                    .to('user1@example.com', 'user2@example.com')
                    .toTemplates('{{ index .Fields "extraemail" }}')
            """, "user1@example.com, user2@example.com, bob@example.com");
    }

    @Test
    void emailDirectlyAndInTag() throws Exception {
        email(COUNTED + """
            |default()
                .field('extraemail','bob@example.com')
                .tag('tagemail','bob2@example.com')
            |alert()
            """ + EMAIL_DETAILS + LEVELS + """
                .email()
                    .to('user1@example.com', 'user2@example.com')
                    .toTemplates('{{ index .Tags "tagemail" }}')
            """, "user1@example.com, user2@example.com, bob2@example.com");
    }

    @Test
    void snmpTrap() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<byte[]> packets = new java.util.concurrent.LinkedBlockingQueue<>();
        io.vertx.core.datagram.DatagramSocket udp = vertx.createDatagramSocket();
        udp.handler(p -> packets.add(p.data().getBytes()));
        int port = kapacitor.testing.Http.freePort();
        await(udp.listen(port, "127.0.0.1"));
        config.put("snmptrap", new JsonObject().put("enabled", true).put("addr", "127.0.0.1:" + port)
            .put("community", "public").put("retries", 2));
        run(COUNTED + """
            |alert()
                .id('kapacitor/{{ .Name }}/{{ index .Tags "host" }}')
            """ + LEVELS + """
                .details('{{ "here" }}/{{ .Name }}')
                .snmpTrap('1.1.1')
                    .data('1.1.1.2', 'c', '1')
                    .data('1.1.1.2', 's', 'SNMP ALERT')
                    .data('1.1.1.2', 's', '{{.Message}}')
                .snmpTrap('1.1.2')
                    .data('1.1.2.3', 'i', '10')
                    .data('1.1.2.3', 'n', '')
                    .data('1.1.2.3', 't', '20000')
                    .data('1.1.2.3', 's', '{{ .Details }}')
            """);
        List<Object> traps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] packet = packets.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (packet == null) {
                throw new AssertionError("got " + i + " traps, expected 2");
            }
            traps.add(trap(packet));
        }
        assertEquals(null, packets.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS));
        String uptime = "{\"oid\":\"1.3.6.1.2.1.1.3.0\",\"value\":\"1000\",\"type\":\"TimeTicks\"}";
        GoDecoded.assertMatchIgnoringOrder(List.of(
            new JsonObject("{\"type\":\"SNMPTrapV2\",\"community\":\"public\",\"errorStatus\":0,\"varBinds\":["
                + uptime + ",{\"oid\":\"1.3.6.1.6.3.1.1.4.1.0\",\"value\":\"1.1.1\",\"type\":\"Oid\"},"
                + "{\"oid\":\"1.1.1.2\",\"value\":\"1\",\"type\":\"Counter64\"},"
                + "{\"oid\":\"1.1.1.2\",\"value\":\"SNMP ALERT\",\"type\":\"OctetString\"},"
                + "{\"oid\":\"1.1.1.2\",\"value\":\"kapacitor/cpu/serverA is CRITICAL\",\"type\":\"OctetString\"}]}")
                .getMap(),
            new JsonObject("{\"type\":\"SNMPTrapV2\",\"community\":\"public\",\"errorStatus\":0,\"varBinds\":["
                + uptime + ",{\"oid\":\"1.3.6.1.6.3.1.1.4.1.0\",\"value\":\"1.1.2\",\"type\":\"Oid\"},"
                + "{\"oid\":\"1.1.2.3\",\"value\":\"10\",\"type\":\"Integer\"},"
                + "{\"oid\":\"1.1.2.3\",\"value\":\"\",\"type\":\"Null\"},"
                + "{\"oid\":\"1.1.2.3\",\"value\":\"20000\",\"type\":\"TimeTicks\"},"
                + "{\"oid\":\"1.1.2.3\",\"value\":\"here/cpu\",\"type\":\"OctetString\"}]}").getMap()), traps);
    }

    /** A var bind's value as snmpgo prints it, and its type's name. */
    private static String[] typed(kapacitor.alert.handler.Ber.Element v) {
        switch (v.tag()) {
            case 0x02:
                return new String[] {String.valueOf(v.integer()), "Integer"};
            case 0x04:
                return new String[] {v.text(), "OctetString"};
            case 0x05:
                return new String[] {"", "Null"};
            case 0x06:
                return new String[] {v.oid(), "Oid"};
            case 0x43:
                return new String[] {String.valueOf(v.integer()), "TimeTicks"};
            case 0x46:
                return new String[] {String.valueOf(v.integer()), "Counter64"};
            default:
                return new String[] {"", "tag " + v.tag()};
        }
    }

    /** A v2c trap decoded to what Kapacitor's snmptraptest server records: PDU type, error status, var binds. */
    private static Map<String, Object> trap(byte[] packet) {
        kapacitor.alert.handler.Ber.Element msg = kapacitor.alert.handler.Ber.parse(packet);
        assertEquals(1, msg.child(0).integer(), "version 2c");
        kapacitor.alert.handler.Ber.Element pdu = msg.child(2);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", pdu.tag() == 0xA7 ? "SNMPTrapV2" : "tag " + pdu.tag());
        m.put("community", msg.child(1).text());
        m.put("errorStatus", pdu.child(1).integer());
        List<Object> binds = new ArrayList<>();
        for (kapacitor.alert.handler.Ber.Element b : pdu.child(3).children()) {
            kapacitor.alert.handler.Ber.Element v = b.child(1);
            Map<String, Object> vb = new LinkedHashMap<>();
            vb.put("oid", b.child(0).oid());
            String[] typed = typed(v);
            vb.put("value", typed[0]);
            vb.put("type", typed[1]);
            binds.add(vb);
        }
        m.put("varBinds", binds);
        return m;
    }

    private static String quoted(String s) {
        return new JsonArray().add(s).encode().replaceAll("^\\[|]$", "");
    }
}
