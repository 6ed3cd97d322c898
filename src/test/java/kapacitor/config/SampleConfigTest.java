package kapacitor.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleConfigTest {

    @TempDir
    Path home;

    @Test
    void shippedSampleLoadsWithoutWarnings() {
        Path sample = Path.of("conf/kapacitor.conf");
        assertTrue(Files.isRegularFile(sample), "run from the project root");
        LoadedConfig loaded = ConfigLoader.load(new String[] {"-config", sample.toString()}, Map.of(), home);
        assertEquals(List.of(), loaded.warnings());
        KapacitorConfig c = loaded.config();
        assertEquals(Path.of("/var/lib/kapacitor"), c.dataDir());
        assertEquals("INFO", c.logging().level());
        assertEquals("", c.storage().url());
        assertEquals("localhost", loaded.tree().at("/influxdb/0/name").asText());
        assertEquals("10m0s", loaded.tree().at("/auth/cache-expiration").asText());
        assertEquals(5701, c.cluster().port());
    }
}
