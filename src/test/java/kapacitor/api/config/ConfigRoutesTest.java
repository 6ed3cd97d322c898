package kapacitor.api.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config API over real HTTP, with the expectations of Kapacitor's TestServer_UpdateConfig. */
class ConfigRoutesTest {
    private static final String BASE = "/kapacitor/v1/config";
    private static final String INFLUX_URL = "http://127.0.0.1:8086";

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Http start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("KAPACITOR_INFLUXDB_0_USERNAME", "bob");
        all.put("KAPACITOR_INFLUXDB_0_PASSWORD", "secret");
        all.put("KAPACITOR_INFLUXDB_0_URLS_0", INFLUX_URL);
        all.put("KAPACITOR_INFLUXDB_0_STARTUP_TIMEOUT", "1h");
        // Nothing listens there; the API only reads the section.
        all.put("KAPACITOR_INFLUXDB_0_ENABLED", "true");
        server = TestServer.postgres(all);
        return server.http();
    }

    static JsonObject influxDefaults() {
        return new JsonObject()
            .put("compression", "gzip").put("default", false).put("disable-subscriptions", false)
            .put("enabled", true)
            .put("excluded-subscriptions", new JsonObject().put("_kapacitor", new JsonArray().add("autogen")))
            .put("http-port", 0).put("http-shared-secret", false).put("insecure-skip-verify", false)
            .put("kapacitor-hostname", "").put("name", "default").put("password", true).put("ssl-ca", "")
            .put("ssl-cert", "").put("ssl-key", "").put("startup-timeout", "1h0m0s")
            .put("subscription-mode", "cluster").put("subscription-path", "").put("subscription-protocol", "http")
            .putNull("subscriptions").put("subscriptions-sync-interval", "1m0s").put("timeout", "0s")
            .put("token", false).put("udp-bind", "").put("udp-buffer", 1000).put("udp-read-buffer", 0)
            .put("urls", new JsonArray().add(INFLUX_URL)).put("username", "bob");
    }

    private static JsonObject element(String href, JsonObject options, String... redacted) {
        JsonArray r = null;
        if (redacted.length > 0) {
            r = new JsonArray();
            for (String s : redacted) {
                r.add(s);
            }
        }
        return new JsonObject().put("link", link(href)).put("options", options).put("redacted", r);
    }

    private static JsonObject link(String href) {
        return new JsonObject().put("rel", "self").put("href", href);
    }

    private static JsonObject section(String name, JsonObject... elements) {
        JsonArray a = new JsonArray();
        for (JsonObject e : elements) {
            a.add(e);
        }
        return new JsonObject().put("link", link(BASE + "/" + name)).put("elements", a);
    }

    /** GET of the whole config, the section and the element all agree with the expectation. */
    private void validate(Http http, String section, String element, JsonObject expSection, JsonObject expElement) {
        Http.Response all = await(http.get(BASE));
        assertEquals(200, all.status());
        assertEquals(link(BASE), all.json().getJsonObject("link"));
        assertEquals(expSection, all.json().getJsonObject("sections").getJsonObject(section));
        Http.Response s = await(http.get(BASE + "/" + section));
        assertEquals(200, s.status(), s.text());
        assertEquals(expSection, s.json());
        Http.Response e = await(http.get(BASE + "/" + section + "/" + element));
        assertEquals(200, e.status(), e.text());
        assertEquals(expElement, e.json());
    }

    private static void post(Http http, String path, String body) {
        Http.Response r = await(http.post(BASE + path, body));
        assertEquals(204, r.status(), r.text());
    }

    private static void assertError(Http.Response r, int status, String text) {
        assertEquals(status, r.status(), r.text());
        assertEquals(text, r.json().getString("error"));
        assertEquals(text, r.json().getString("message"));
    }

    @Test
    void influxdbElementIsCompactJsonWithRedactedSecrets() {
        Http http = start(Map.of());
        Http.Response r = await(http.get(BASE + "/influxdb/default"));
        assertEquals(200, r.status());
        assertEquals("{\"link\":{\"rel\":\"self\",\"href\":\"/kapacitor/v1/config/influxdb/default\"},\"options\":{"
            + "\"compression\":\"gzip\",\"default\":false,\"disable-subscriptions\":false,\"enabled\":true,"
            + "\"excluded-subscriptions\":{\"_kapacitor\":[\"autogen\"]},\"http-port\":0,\"http-shared-secret\":false,"
            + "\"insecure-skip-verify\":false,\"kapacitor-hostname\":\"\",\"name\":\"default\",\"password\":true,"
            + "\"ssl-ca\":\"\",\"ssl-cert\":\"\",\"ssl-key\":\"\",\"startup-timeout\":\"1h0m0s\","
            + "\"subscription-mode\":\"cluster\",\"subscription-path\":\"\",\"subscription-protocol\":\"http\","
            + "\"subscriptions\":null,\"subscriptions-sync-interval\":\"1m0s\",\"timeout\":\"0s\",\"token\":false,"
            + "\"udp-bind\":\"\",\"udp-buffer\":1000,\"udp-read-buffer\":0,\"urls\":[\"http://127.0.0.1:8086\"],"
            + "\"username\":\"bob\"},\"redacted\":[\"password\",\"token\"]}\n", r.text());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
    }

    @Test
    void influxdbUpdatesFollowKapacitor() {
        Http http = start(Map.of());
        String el = BASE + "/influxdb/default";
        validate(http, "influxdb", "default", section("influxdb", element(el, influxDefaults(), "password", "token")),
            element(el, influxDefaults(), "password", "token"));

        post(http, "/influxdb/default", "{\"set\":{\"urls\":[\"http://192.0.2.0:8086\"]}}");
        JsonObject o1 = influxDefaults().put("urls", new JsonArray().add("http://192.0.2.0:8086"));
        validate(http, "influxdb", "default", section("influxdb", element(el, o1, "password", "token")),
            element(el, o1, "password", "token"));

        post(http, "/influxdb/default", "{\"set\":{\"default\":true,\"subscription-protocol\":\"https\","
            + "\"subscriptions\":{\"_internal\":[\"monitor\"]}}}");
        JsonObject o2 = o1.copy().put("default", true).put("subscription-protocol", "https")
            .put("subscriptions", new JsonObject().put("_internal", new JsonArray().add("monitor")));
        validate(http, "influxdb", "default", section("influxdb", element(el, o2, "password", "token")),
            element(el, o2, "password", "token"));

        post(http, "/influxdb/default", "{\"delete\":[\"urls\"]}");
        JsonObject o3 = o2.copy().put("urls", new JsonArray().add(INFLUX_URL));
        validate(http, "influxdb", "default", section("influxdb", element(el, o3, "password", "token")),
            element(el, o3, "password", "token"));

        post(http, "/influxdb", "{\"add\":{\"name\":\"new\",\"urls\":[\"" + INFLUX_URL + "\"]}}");
        JsonObject created = influxDefaults().put("name", "new").put("enabled", false).put("password", false)
            .put("startup-timeout", "5m0s").put("username", "");
        String newLink = BASE + "/influxdb/new";
        validate(http, "influxdb", "new", section("influxdb", element(el, o3, "password", "token"),
            element(newLink, created, "password", "token")), element(newLink, created, "password", "token"));

        // Only overrides can be removed: the created element goes, the file's element keeps its own overrides.
        post(http, "/influxdb", "{\"remove\":[\"new\"]}");
        validate(http, "influxdb", "default", section("influxdb", element(el, o3, "password", "token")),
            element(el, o3, "password", "token"));
        assertError(await(http.get(newLink)), 404, "unknown section/element: influxdb/new");
    }

    @Test
    void singleElementSectionsUseATrailingSlash() {
        Http http = start(Map.of("KAPACITOR_ALERTA_URL", "http://alerta.example.com",
            "KAPACITOR_PUSHOVER_URL", "http://pushover.example.com"));
        JsonObject alerta = new JsonObject().put("enabled", false).put("environment", "")
            .put("insecure-skip-verify", false).put("origin", "").put("timeout", "0s").put("token", false)
            .put("token-prefix", "").put("url", "http://alerta.example.com");
        validate(http, "alerta", "", section("alerta", element(BASE + "/alerta/", alerta, "token")),
            element(BASE + "/alerta/", alerta, "token"));
        post(http, "/alerta/", "{\"set\":{\"token\":\"token\",\"origin\":\"kapacitor\",\"timeout\":\"3h\"}}");
        JsonObject alerta2 = alerta.copy().put("token", true).put("origin", "kapacitor").put("timeout", "3h0m0s");
        validate(http, "alerta", "", section("alerta", element(BASE + "/alerta/", alerta2, "token")),
            element(BASE + "/alerta/", alerta2, "token"));

        JsonObject pushover = new JsonObject().put("enabled", false).put("token", false).put("url",
            "http://pushover.example.com").put("user-key", false);
        validate(http, "pushover", "", section("pushover", element(BASE + "/pushover/", pushover, "token",
            "user-key")), element(BASE + "/pushover/", pushover, "token", "user-key"));
        post(http, "/pushover/", "{\"set\":{\"token\":\"token\",\"user-key\":\"kapacitor\"}}");
        JsonObject pushover2 = pushover.copy().put("token", true).put("user-key", true);
        validate(http, "pushover", "", section("pushover", element(BASE + "/pushover/", pushover2, "token",
            "user-key")), element(BASE + "/pushover/", pushover2, "token", "user-key"));

        // A section with no redacted options has a null list; an empty list section has null elements.
        Http.Response teams = await(http.get(BASE + "/teams/"));
        assertTrue(teams.json().containsKey("redacted"));
        assertNull(teams.json().getValue("redacted"));
        Http.Response scraper = await(http.get(BASE + "/scraper"));
        assertEquals("{\"link\":{\"rel\":\"self\",\"href\":\"/kapacitor/v1/config/scraper\"},\"elements\":null}\n",
            scraper.text());
    }

    @Test
    void httppostHeadersAndBasicAuth() {
        Http http = start(Map.of("KAPACITOR_HTTPPOST_0_ENDPOINT", "test",
            "KAPACITOR_HTTPPOST_0_URL", "http://httppost.example.com", "KAPACITOR_HTTPPOST_0_HEADERS_testing", "works"));
        String el = BASE + "/httppost/test";
        JsonObject options = new JsonObject().put("alert-template", "").put("alert-template-file", "")
            .put("basic-auth", false).put("endpoint", "test").put("headers", new JsonObject().put("testing", "works"))
            .put("row-template", "").put("row-template-file", "").put("url", "http://httppost.example.com");
        validate(http, "httppost", "test", section("httppost", element(el, options, "basic-auth")),
            element(el, options, "basic-auth"));
        post(http, "/httppost/test", "{\"set\":{\"headers\":{\"testing\":\"more\"},"
            + "\"basic-auth\":{\"username\":\"usr\",\"password\":\"pass\"}}}");
        JsonObject options2 = options.copy().put("basic-auth", true)
            .put("headers", new JsonObject().put("testing", "more"));
        validate(http, "httppost", "test", section("httppost", element(el, options2, "basic-auth")),
            element(el, options2, "basic-auth"));
    }

    @Test
    void errorsUseKapacitorsTextsAndLeaveTheStoreAlone() {
        Http http = start(Map.of());
        assertError(await(http.get(BASE + "/")), 400, "section not specified, do you have an extra trailing '/'?");
        assertError(await(http.get(BASE + "/nosuch")), 404, "unknown section: nosuch");
        assertError(await(http.get(BASE + "/influxdb/nosuch")), 404, "unknown section/element: influxdb/nosuch");

        assertError(await(http.post(BASE + "/smtp/", "{\"set\":{\"enabled\":\"yes\"}}")), 400,
            "failed to override configuration smtp/: cannot set option enabled: wrong kind string, expected value "
                + "of kind bool: false");
        assertError(await(http.post(BASE + "/smtp/", "{\"set\":{\"port\":\"bob\"}}")), 400,
            "failed to override configuration smtp/: cannot set option port: cannot convert string \"bob\" into int");
        assertError(await(http.post(BASE + "/smtp/", "{\"set\":{\"unknown\":\"value\",\"enabled\":true}}")), 400,
            "failed to override configuration smtp/: unknown options [unknown] in section smtp");
        assertError(await(http.post(BASE + "/smtp", "{\"set\":{\"enabled\":true}}")), 400,
            "failed to apply update: invalid update action: element not specified, are you missing a trailing '/'?");
        assertError(await(http.post(BASE + "/smtp/", "{\"add\":{\"name\":\"x\"}}")), 400,
            "failed to apply update: section \"smtp\" is not a list, cannot add new element");
        assertError(await(http.post(BASE + "/influxdb/", "{\"add\":{\"urls\":[]}}")), 400,
            "failed to apply update: missing key \"name\" in \"add\" map");
        assertError(await(http.post(BASE + "/influxdb/", "{\"add\":{\"name\":1}}")), 400,
            "failed to apply update: expected \"name\" key to be a string, got float64");
        assertError(await(http.post(BASE + "/nosuch/", "{\"add\":{\"name\":\"a\"}}")), 400,
            "failed to apply update: unknown section \"nosuch\"");
        assertError(await(http.post(BASE + "/influxdb/default", "{\"set\":{\"name\":\"other\"}}")), 400,
            "failed to override configuration influxdb/default: cannot override element key name");
        assertError(await(http.post(BASE + "/influxdb/default", "{\"set\":{\"urls\":[]}}")), 400,
            "failed to override configuration influxdb/default: failed validation: must specify at least one "
                + "InfluxDB URL");
        assertError(await(http.post(BASE + "/influxdb/default", "{\"set\":{\"a\":1},\"remove\":[\"x\"]}")), 400,
            "failed to apply update: invalid update action: cannot provide both set/delete and add/remove actions "
                + "in the same update");
        assertError(await(http.post(BASE + "/influxdb/default", "{\"set\":\"x\"}")), 400,
            "failed to decode JSON:json: cannot unmarshal string into Go struct field updateAction.set of type "
                + "map[string]interface {}");
        assertError(await(http.post(BASE + "/smtp/", "")), 400, "failed to decode JSON:EOF");
        assertError(await(http.post(BASE + "/nosuch/", "{\"set\":{\"a\":1}}")), 400,
            "failed to override configuration nosuch/: unknown options [a] in section nosuch");
        assertError(await(http.post(BASE + "/smtp/", "{\"set\":{\"idle-timeout\":5}}")), 400,
            "failed to override configuration smtp/: cannot set option idle-timeout: cannot unmarshal float64 "
                + "into int64");

        // None of the refused updates reached the store.
        Http.Response smtp = await(http.get(BASE + "/smtp/"));
        assertEquals(false, smtp.json().getJsonObject("options").getBoolean("enabled"));
        assertEquals(25, smtp.json().getJsonObject("options").getInteger("port"));

        post(http, "/influxdb/", "{\"add\":{\"name\":\"extra\",\"urls\":[\"http://a:8086\"]}}");
        assertError(await(http.post(BASE + "/influxdb/", "{\"add\":{\"name\":\"extra\",\"urls\":[\"http://a\"]}}")),
            400, "failed to apply update: cannot add new override, override already exists for influxdb/extra");
        assertError(await(http.post(BASE + "/influxdb/", "{\"add\":{\"name\":\"default\"}}")), 400,
            "failed to read sections from configuration object: section \"influxdb\" has duplicate elements: "
                + "\"default\"");
    }

    @Test
    void setValuesConvertLikeKapacitor() {
        Http http = start(Map.of());
        post(http, "/smtp/", "{\"set\":{\"enabled\":true,\"port\":\"587\",\"to\":[\"oncall@example.com\"],"
            + "\"password\":\"pw\",\"idle-timeout\":\"90s\",\"to-templates\":[\"a\"]}}");
        JsonObject options = await(http.get(BASE + "/smtp/")).json().getJsonObject("options");
        assertEquals(true, options.getBoolean("enabled"));
        assertEquals(587, options.getInteger("port"));
        assertEquals(new JsonArray().add("oncall@example.com"), options.getJsonArray("to"));
        assertEquals(true, options.getBoolean("password"));
        assertEquals("1m30s", options.getString("idle-timeout"));
        assertEquals(new JsonArray().add("a"), options.getJsonArray("to-templates"));
        post(http, "/smtp/", "{\"delete\":[\"port\",\"password\"]}");
        options = await(http.get(BASE + "/smtp/")).json().getJsonObject("options");
        assertEquals(25, options.getInteger("port"));
        assertEquals(false, options.getBoolean("password"));
        assertEquals(true, options.getBoolean("enabled"));
    }

    @Test
    void disabledServiceAnswers403() {
        Http http = start(Map.of("KAPACITOR_CONFIG_OVERRIDE_ENABLED", "false"));
        assertError(await(http.get(BASE)), 403, "config override service is not enabled");
        assertError(await(http.get(BASE + "/smtp/")), 403, "config override service is not enabled");
        assertError(await(http.post(BASE + "/smtp/", "{\"set\":{\"enabled\":true}}")), 403,
            "config override service is not enabled");
    }

    @Test
    void allSectionsAreListedWithLinks() {
        Http http = start(Map.of());
        JsonObject sections = await(http.get(BASE)).json().getJsonObject("sections");
        for (String name : new String[] {"influxdb", "smtp", "slack", "kafka", "httppost", "kubernetes", "zenoss"}) {
            assertEquals(link(BASE + "/" + name), sections.getJsonObject(name).getJsonObject("link"), name);
        }
        assertTrue(!sections.containsKey("http"), "non-overridable sections are not listed");
        // Slack's default element has an empty workspace, so its link ends in '/'.
        assertEquals(link(BASE + "/slack/"), sections.getJsonObject("slack").getJsonArray("elements")
            .getJsonObject(0).getJsonObject("link"));
        assertEquals(new JsonArray().add("url").add("token"), await(http.get(BASE + "/slack/")).json()
            .getJsonArray("redacted"));
    }
}
