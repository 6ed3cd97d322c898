package kapacitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private LoadedConfig load(String toml, Map<String, String> env) throws IOException {
        Path file = home.resolve("kapacitor.conf");
        Files.writeString(file, toml);
        return ConfigLoader.load(new String[] {"-config", file.toString()}, env, home);
    }

    private LoadedConfig defaults(Map<String, String> env) {
        return ConfigLoader.load(new String[] {"-config", "/dev/null"}, env, home);
    }

    @Test
    void defaultsMatchKapacitor() {
        LoadedConfig loaded = defaults(Map.of());
        ObjectNode t = loaded.tree();
        KapacitorConfig c = loaded.config();
        assertEquals("localhost", c.hostname());
        assertEquals(home.resolve(".kapacitor"), c.dataDir());
        assertEquals(home.resolve(".kapacitor/kapacitor.db").toString(), c.storage().boltdb());
        assertEquals(home.resolve(".kapacitor/replay").toString(), t.at("/replay/dir").asText());
        assertEquals(home.resolve(".kapacitor/tasks").toString(), t.at("/task/dir").asText());
        assertEquals(home.resolve(".kapacitor/load").toString(), t.at("/load/dir").asText());
        assertEquals("", c.storage().url());
        assertFalse(c.skipConfigOverrides());

        HttpConfig http = c.http();
        assertEquals(":9092", http.bindAddress());
        assertEquals(9092, http.port());
        assertEquals("", http.host());
        assertTrue(http.logEnabled());
        assertFalse(http.authEnabled());
        assertEquals("/etc/ssl/kapacitor.pem", http.httpsCertificate());
        assertEquals(Duration.ofSeconds(10), http.shutdownTimeout());

        assertEquals("STDERR", c.logging().file());
        assertEquals("DEBUG", c.logging().level());
        assertTrue(c.configOverride().enabled());
        assertEquals(new ClusterConfig(false, "cluster/hazelcast.xml", List.of(), 5701, ""), c.cluster());

        assertEquals("1m0s", t.at("/task/snapshot-interval").asText());
        assertEquals(5000, t.at("/alert/topic-buffer-length").asInt());
        assertEquals(1, t.get("influxdb").size());
        assertEquals("default", t.at("/influxdb/0/name").asText());
        assertEquals("http://localhost:8086", t.at("/influxdb/0/urls/0").asText());
        assertEquals("5m0s", t.at("/influxdb/0/startup-timeout").asText());
        assertEquals("autogen", t.at("/influxdb/0/excluded-subscriptions/_kapacitor/0").asText());
        assertEquals(25, t.at("/smtp/port").asInt());
        assertEquals("30s", t.at("/smtp/idle-timeout").asText());
        assertEquals("kapacitor", t.at("/slack/0/username").asText());
        assertTrue(t.at("/slack/0/default").asBoolean());
        assertEquals("Clear", t.at("/zenoss/severity-map/OK").asText());
        assertEquals(0.1, t.at("/stats/timing-sample-rate").asDouble());
        assertEquals("10s", t.at("/deadman/interval").asText());
        assertEquals("https://usage.influxdata.com", t.at("/reporting/url").asText());
        assertTrue(t.get("scraper").isArray() && t.get("scraper").isEmpty());
        assertTrue(loaded.warnings().isEmpty());
        assertTrue(loaded.configFile().isEmpty());
    }

    @Test
    void fileOverridesDefaultsAndNormalisesDurations() throws IOException {
        LoadedConfig loaded = load("""
            hostname = "kap1"
            data_dir = "~/kapdata"
            [http]
              bind-address = "127.0.0.1:9093"
              auth-enabled = true
            [task]
              snapshot-interval = "60s"
            [storage]
              url = "postgresql://kap@db:5432/kapacitor"
            [[influxdb]]
              name = "a"
              default = true
              timeout = 0
            [[influxdb]]
              name = "b"
              enabled = false
              urls = ["http://b:8086"]
              [influxdb.subscriptions]
                telegraf = ["autogen"]
            [kubernetes]
              enabled = true
            """, Map.of());
        KapacitorConfig c = loaded.config();
        ObjectNode t = loaded.tree();
        assertEquals("kap1", c.hostname());
        assertEquals(home.resolve("kapdata"), c.dataDir());
        assertEquals("127.0.0.1", c.http().host());
        assertEquals(9093, c.http().port());
        assertTrue(c.http().authEnabled());
        assertTrue(c.http().logEnabled(), "keys absent from the file keep their default");
        assertTrue(c.storage().usesPostgres());
        assertEquals("1m0s", t.at("/task/snapshot-interval").asText());
        assertEquals(2, t.get("influxdb").size());
        assertEquals("0s", t.at("/influxdb/0/timeout").asText());
        assertEquals("http://localhost:8086", t.at("/influxdb/0/urls/0").asText(), "elements start from defaults");
        assertEquals("http://b:8086", t.at("/influxdb/1/urls/0").asText());
        assertEquals("autogen", t.at("/influxdb/1/subscriptions/telegraf/0").asText());
        assertEquals("autogen", t.at("/influxdb/1/excluded-subscriptions/_kapacitor/0").asText(),
            "a Go map gains entries and keeps its defaults");
        assertEquals(1, t.get("kubernetes").size(), "a single [kubernetes] table is one element");
        assertTrue(t.at("/kubernetes/0/enabled").asBoolean());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void unknownSectionsAndKeysAreWarnedAndIgnored() throws IOException {
        LoadedConfig loaded = load("""
            colour = "blue"
            [http]
              bind-adress = ":1"
            [nosuch]
              a = 1
            [[scraper]]
              name = "s"
              bogus = true
            """, Map.of());
        assertEquals(List.of(
            "unknown key colour in configuration file ignored",
            "unknown key http.bind-adress in configuration file ignored",
            "unknown section [nosuch] in configuration file ignored",
            "unknown key scraper[0].bogus in configuration file ignored"), loaded.warnings());
        assertEquals(":9092", loaded.config().http().bindAddress());
        assertFalse(loaded.tree().has("nosuch"));
    }

    @Test
    void badFileValuesNameTheKey() {
        assertEquals("invalid value for http.log-enabled: incompatible types: TOML value has type string; "
                + "destination has type boolean",
            assertThrows(ConfigException.class, () -> load("[http]\nlog-enabled = \"yes\"\n", Map.of())).getMessage());
        assertEquals("invalid value for task.snapshot-interval: time: unknown unit \"d\" in duration \"1d\"",
            assertThrows(ConfigException.class, () -> load("[task]\nsnapshot-interval = \"1d\"\n", Map.of()))
                .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> load("[http]\nbind-address = \"9092\"\n", Map.of()))
            .getMessage().startsWith("invalid value for http.bind-address: invalid http bind address 9092"));
        assertEquals("invalid value for http.bind-address: invalid http bind address port 70000: out of range",
            assertThrows(ConfigException.class, () -> load("[http]\nbind-address = \":70000\"\n", Map.of()))
                .getMessage());
        assertEquals("invalid value for smtp.port: incompatible types: TOML value has type string; "
                + "destination has type integer",
            assertThrows(ConfigException.class, () -> load("[smtp]\nport = \"25\"\n", Map.of())).getMessage());
        assertEquals("invalid value for storage.url: expected a postgresql:// URL, got mysql://x/y",
            assertThrows(ConfigException.class, () -> load("[storage]\nurl = \"mysql://x/y\"\n", Map.of()))
                .getMessage());
        assertEquals("invalid value for influxdb: at least one of the enabled InfluxDB clusters must be marked "
                + "as default.",
            assertThrows(ConfigException.class,
                () -> load("[[influxdb]]\nname = \"a\"\n[[influxdb]]\nname = \"b\"\n", Map.of())).getMessage());
    }

    @Test
    void unreadableFileStopsStartUp() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> ConfigLoader.load(new String[] {"--config=" + home.resolve("missing.conf")}, Map.of(), home));
        assertTrue(e.getMessage().startsWith("parse config: open "), e.getMessage());
    }

    @Test
    void precedenceIsDefaultsThenFileThenEnvThenFlags() throws IOException {
        Path file = home.resolve("k.conf");
        Files.writeString(file, """
            hostname = "from-file"
            [http]
              bind-address = ":1111"
              log-enabled = false
            [logging]
              level = "INFO"
            """);
        Map<String, String> env = Map.of(
            "KAPACITOR_CONFIG_PATH", file.toString(),
            "KAPACITOR_HOSTNAME", "from-env",
            "KAPACITOR_HTTP_BIND_ADDRESS", ":2222",
            "KAPACITOR_LOGGING_LEVEL", "ERROR");
        LoadedConfig loaded = ConfigLoader.load(new String[] {"-hostname", "from-flag"}, env, home);
        KapacitorConfig c = loaded.config();
        assertEquals(file, loaded.configFile().orElseThrow());
        assertEquals("from-flag", c.hostname());
        assertEquals(":2222", c.http().bindAddress());
        assertFalse(c.http().logEnabled(), "file beats defaults when env is silent");
        assertEquals("ERROR", c.logging().level());
        assertEquals("/tmp/k.log", ConfigLoader.load(new String[] {"-log-file", "/tmp/k.log"}, env, home)
            .config().logging().file());
    }

    @Test
    void configFlagBeatsEnvironmentPath() throws IOException {
        Path a = home.resolve("a.conf");
        Files.writeString(a, "hostname = \"a\"\n");
        Path b = home.resolve("b.conf");
        Files.writeString(b, "hostname = \"b\"\n");
        LoadedConfig loaded = ConfigLoader.load(new String[] {"run", "-config", a.toString()},
            Map.of("KAPACITOR_CONFIG_PATH", b.toString()), home);
        assertEquals("a", loaded.config().hostname());
    }

    @Test
    void homeConfigIsFoundWhenNothingIsGiven() throws IOException {
        Files.createDirectories(home.resolve(".kapacitor"));
        Files.writeString(home.resolve(".kapacitor/kapacitor.conf"), "hostname = \"homeconf\"\n");
        assertEquals("homeconf", ConfigLoader.load(new String[0], Map.of(), home).config().hostname());
    }

    @Test
    void treeIsACopy() {
        KapacitorConfig c = defaults(Map.of()).config();
        c.tree().put("hostname", "changed");
        JsonNode again = c.tree().get("hostname");
        assertEquals("localhost", again.asText());
    }
}
