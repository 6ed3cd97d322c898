package kapacitor.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvMappingTest {

    private static final ObjectNode DEFAULTS = ConfigSchema.defaults(Path.of("/home/k"));

    private static ObjectNode apply(Map<String, String> env) {
        return EnvMapping.apply(DEFAULTS, env);
    }

    @Test
    void namesFollowKapacitor() {
        assertEquals("KAPACITOR_HTTP_BIND_ADDRESS", EnvMapping.variableName("http", "bind-address"));
        assertEquals("KAPACITOR_CONFIG_OVERRIDE_ENABLED", EnvMapping.variableName("config-override", "enabled"));
        assertEquals("KAPACITOR_DATA_DIR", EnvMapping.variableName("data_dir"));
    }

    @Test
    void sectionKeysAndTopLevelKeys() {
        ObjectNode t = apply(Map.of(
            "KAPACITOR_HTTP_BIND_ADDRESS", ":9999",
            "KAPACITOR_HTTP_LOG_ENABLED", "F",
            "KAPACITOR_SKIP_CONFIG_OVERRIDES", "true",
            "KAPACITOR_DATA_DIR", "/var/lib/kapacitor",
            "KAPACITOR_CONFIG_OVERRIDE_ENABLED", "0",
            "KAPACITOR_SMTP_PORT", "0x19",
            "KAPACITOR_STATS_TIMING_SAMPLE_RATE", "0.5",
            "KAPACITOR_TASK_SNAPSHOT_INTERVAL", "90s",
            "KAPACITOR_STORAGE_URL", "postgresql://k@db/kap",
            "KAPACITOR_CLUSTER_ENABLED", "true"));
        assertEquals(":9999", t.at("/http/bind-address").asText());
        assertFalse(t.at("/http/log-enabled").asBoolean());
        assertTrue(t.get("skip-config-overrides").asBoolean());
        assertEquals("/var/lib/kapacitor", t.get("data_dir").asText());
        assertFalse(t.at("/config-override/enabled").asBoolean());
        assertEquals(25, t.at("/smtp/port").asLong());
        assertEquals(0.5, t.at("/stats/timing-sample-rate").asDouble());
        assertEquals("1m30s", t.at("/task/snapshot-interval").asText());
        assertEquals("postgresql://k@db/kap", t.at("/storage/url").asText());
        assertTrue(t.at("/cluster/enabled").asBoolean());
        assertEquals(DEFAULTS.at("/http/https-certificate"), t.at("/http/https-certificate"));
    }

    @Test
    void arraysOverrideOnlyExistingElements() {
        ObjectNode t = apply(Map.of(
            "KAPACITOR_INFLUXDB_0_URLS_0", "http://influx:8086",
            "KAPACITOR_INFLUXDB_0_URLS_1", "http://ignored:8086",
            "KAPACITOR_INFLUXDB_0_NAME", "main",
            "KAPACITOR_INFLUXDB_1_NAME", "ignored",
            "KAPACITOR_INFLUXDB_0_STARTUP_TIMEOUT", "1m",
            "KAPACITOR_SLACK_0_ENABLED", "true"));
        assertEquals(1, t.get("influxdb").size());
        assertEquals(1, t.at("/influxdb/0/urls").size());
        assertEquals("http://influx:8086", t.at("/influxdb/0/urls/0").asText());
        assertEquals("main", t.at("/influxdb/0/name").asText());
        assertEquals("1m0s", t.at("/influxdb/0/startup-timeout").asText());
        assertTrue(t.at("/slack/0/enabled").asBoolean());
    }

    @Test
    void stringMapsTakeTheKeyVerbatim() {
        ObjectNode t = apply(Map.of(
            "KAPACITOR_HTTPPOST_0_HEADERS_Authorization", "Bearer x",
            "KAPACITOR_HTTPPOST_0_BASIC_AUTH_USERNAME", "u",
            "KAPACITOR_FLUXTASK_SECRETS_token", "s3cr3t",
            "KAPACITOR_INFLUXDB_0_SUBSCRIPTIONS_db", "ignored: a map of lists"));
        assertEquals("Bearer x", t.at("/httppost/0/headers/Authorization").asText());
        assertEquals("u", t.at("/httppost/0/basic-auth/username").asText());
        assertEquals("s3cr3t", t.at("/fluxtask/secrets/token").asText());
        assertTrue(t.at("/influxdb/0/subscriptions").isEmpty());
    }

    @Test
    void kubernetesAcceptsAnImplicitIndexAndKafkaSaslKeepsItsEmptySegment() {
        ObjectNode base = DEFAULTS.deepCopy();
        base.set("kubernetes", base.arrayNode().add(ConfigSchema.elementTemplate("kubernetes")));
        ObjectNode t = EnvMapping.apply(base, Map.of(
            "KAPACITOR_KUBERNETES_ENABLED", "true",
            "KAPACITOR_KUBERNETES_0_NAMESPACE", "ns",
            "KAPACITOR_KAFKA_0__SASL_USERNAME", "kafkauser",
            "KAPACITOR_KAFKA_0_BROKERS_0", "ignored: no element 0"));
        assertTrue(t.at("/kubernetes/0/enabled").asBoolean());
        assertEquals("ns", t.at("/kubernetes/0/namespace").asText());
        assertEquals("kafkauser", t.at("/kafka/0/sasl-username").asText());
        assertTrue(t.at("/kafka/0/brokers").isEmpty());
    }

    @Test
    void emptyValuesAreIgnoredAndInputIsNotChanged() {
        ObjectNode before = DEFAULTS.deepCopy();
        ObjectNode t = apply(Map.of("KAPACITOR_HOSTNAME", "", "KAPACITOR_HTTP_BIND_ADDRESS", ":1"));
        assertEquals("localhost", t.get("hostname").asText());
        assertEquals(before, DEFAULTS);
    }

    @Test
    void clusterMembersTakeACommaList() {
        ObjectNode t = apply(Map.of("KAPACITOR_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2"));
        assertEquals(List.of("10.0.0.1:5701", "10.0.0.2"),
            List.of(t.at("/cluster/members/0").asText(), t.at("/cluster/members/1").asText()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "KAPACITOR_HTTP_LOG_ENABLED|yes|invalid value for http.log-enabled: failed to apply "
            + "KAPACITOR_HTTP_LOG_ENABLED using type bool and value 'yes'",
        "KAPACITOR_SMTP_PORT|25x|invalid value for smtp.port: failed to apply KAPACITOR_SMTP_PORT using type int "
            + "and value '25x'",
        "KAPACITOR_TASK_SNAPSHOT_INTERVAL|10|invalid value for task.snapshot-interval: failed to unmarshal env var "
            + "KAPACITOR_TASK_SNAPSHOT_INTERVAL: time: missing unit in duration \"10\""})
    void badValuesNameTheKey(String name, String value, String message) {
        assertEquals(message, assertThrows(ConfigException.class, () -> apply(Map.of(name, value))).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1,true", "t,true", "TRUE,true", "True,true", "0,false", "f,false", "FALSE,false", "False,false"})
    void goBools(String text, boolean expected) {
        assertEquals(expected, EnvMapping.GoStrconv.parseBool(text));
    }

    @ParameterizedTest
    @CsvSource({"10,10", "-3,-3", "0x1F,31", "0o17,15", "017,15", "0b101,5", "1_000,1000"})
    void goInts(String text, long expected) {
        assertEquals(expected, EnvMapping.GoStrconv.parseInt(text));
    }
}
