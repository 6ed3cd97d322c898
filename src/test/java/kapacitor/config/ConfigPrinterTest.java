package kapacitor.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigPrinterTest {

    @TempDir
    Path home;

    @Test
    void defaultConfigRoundTrips() throws IOException {
        LoadedConfig defaults = ConfigLoader.load(new String[] {"-config", "/dev/null"}, Map.of(), home);
        String toml = ConfigPrinter.toToml(defaults.tree());
        Path file = home.resolve("printed.conf");
        Files.writeString(file, toml);
        LoadedConfig reloaded = ConfigLoader.load(new String[] {"-config", file.toString()}, Map.of(), home);
        assertEquals(defaults.tree(), reloaded.tree());
        assertEquals(List.of(), reloaded.warnings());
    }

    @Test
    void writesKapacitorStyleSections() {
        ObjectNode tree = ConfigLoader.load(new String[] {"-config", "/dev/null"}, Map.of(), home).tree();
        String toml = ConfigPrinter.toToml(tree);
        assertTrue(toml.startsWith("hostname = \"localhost\"\ndata_dir = \""), toml);
        assertTrue(toml.contains("\n[http]\n  bind-address = \":9092\"\n  auth-enabled = false\n"), toml);
        assertTrue(toml.contains("\n[[influxdb]]\n  enabled = true\n  name = \"default\"\n"), toml);
        assertTrue(toml.contains("  urls = [\"http://localhost:8086\"]\n"), toml);
        assertTrue(toml.contains("  [influxdb.excluded-subscriptions]\n    _kapacitor = [\"autogen\"]\n"), toml);
        assertTrue(toml.contains("  timing-sample-rate = 0.1\n"), toml);
        assertTrue(toml.contains("  id = \"{{ .Group }}:NODE_NAME for task '{{ .TaskName }}'\"\n"), toml);
        assertTrue(toml.contains("printf \\\"%0.3f\\\""), toml);
        assertTrue(toml.contains("\n[cluster]\n  enabled = false\n"), toml);
        assertTrue(!toml.contains("scraper"), "empty repeated sections are left out");
    }

    @Test
    void fileWithRepeatedSectionsAndNestedTablesRoundTrips() throws IOException {
        Path file = home.resolve("in.conf");
        Files.writeString(file, """
            [[influxdb]]
              name = "a"
              default = true
              [influxdb.subscriptions]
                "my db" = ["autogen", "long\\"term"]
            [[influxdb]]
              name = "b"
            [udf.functions.pyavg]
              prog = "/usr/bin/python3"
              args = ["-u", "avg.py"]
              timeout = "10s"
              [udf.functions.pyavg.env]
                PYTHONPATH = "./udf/agent/py"
            [[scraper]]
              name = "s1"
              scrape-interval = "90s"
            """);
        LoadedConfig first = ConfigLoader.load(new String[] {"-config", file.toString()}, Map.of(), home);
        Path printed = home.resolve("out.conf");
        Files.writeString(printed, ConfigPrinter.toToml(first.tree()));
        LoadedConfig second = ConfigLoader.load(new String[] {"-config", printed.toString()}, Map.of(), home);
        assertEquals(first.tree(), second.tree());
        assertEquals("1m30s", second.tree().at("/scraper/0/scrape-interval").asText());
        assertEquals("long\"term", second.tree().at("/influxdb/0/subscriptions/my db/1").asText());
        assertEquals("./udf/agent/py", second.tree().at("/udf/functions/pyavg/env/PYTHONPATH").asText());
    }
}
