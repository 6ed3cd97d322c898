package kapacitor.influxdb;

import kapacitor.config.ConfigException;
import kapacitor.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionConfigTest {
    @TempDir
    Path home;

    private List<SubscriptionConfig> load(String toml) throws IOException {
        Path file = home.resolve("kapacitor.conf");
        Files.writeString(file, toml);
        return SubscriptionConfig.fromTree(
            ConfigLoader.load(new String[] {"-config", file.toString()}, Map.of(), home).tree());
    }

    @Test
    void defaultsAreKapacitors() throws IOException {
        SubscriptionConfig c = load("").get(0);
        assertEquals("default", c.name());
        assertTrue(c.enabled());
        assertFalse(c.disabled());
        assertEquals("http", c.protocol());
        assertEquals("cluster", c.mode());
        assertEquals(Map.of(), c.subscriptions());
        assertEquals(Map.of("_kapacitor", List.of("autogen")), c.excluded());
        assertEquals(5L * 60 * 1_000_000_000L, c.startupTimeoutNanos());
        assertEquals(60L * 1_000_000_000L, c.syncIntervalNanos());
        assertEquals(1000, c.udpBuffer());
        assertEquals(0, c.httpPort());
        assertEquals("", c.kapacitorHostname());
        assertEquals("", c.subscriptionPath());
        assertTrue(c.shouldSubscribe("telegraf", "autogen"));
        assertFalse(c.shouldSubscribe("_kapacitor", "autogen"));
        assertTrue(c.shouldSubscribe("_kapacitor", "other"));
    }

    @Test
    void theSubscriptionsMapSelectsAndZeroDurationsTakeTheDefaults() throws IOException {
        SubscriptionConfig c = load(String.join("\n", "[[influxdb]]", "  name = \"x\"", "  urls = [\"http://h:8086\"]",
            "  startup-timeout = \"0s\"", "  subscriptions-sync-interval = \"10s\"", "  subscription-mode = \"server\"",
            "  [influxdb.subscriptions]", "    telegraf = [\"autogen\", \"long\"]", "")).get(0);
        assertEquals(5L * 60 * 1_000_000_000L, c.startupTimeoutNanos());
        assertEquals(10L * 1_000_000_000L, c.syncIntervalNanos());
        assertEquals("server", c.mode());
        assertTrue(c.shouldSubscribe("telegraf", "long"));
        assertFalse(c.shouldSubscribe("telegraf", "short"));
        assertFalse(c.shouldSubscribe("other", "autogen"));
    }

    @Test
    void anUnknownProtocolIsRejectedAtLoad() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(String.join("\n", "[[influxdb]]",
            "  name = \"x\"", "  urls = [\"http://h:8086\"]", "  subscription-protocol = \"tcp\"", "")));
        assertEquals("invalid value for influxdb[0].subscription-protocol: invalid subscription protocol, must be one"
            + " of 'udp', 'http' or 'https', got \"tcp\"", e.getMessage());
    }
}
