package kapacitor.influxdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfluxDBClustersTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void configElementsAreRead() throws Exception {
        List<InfluxDBConfig> configs = InfluxDBConfig.fromTree(new ObjectMapper().readTree("{\"influxdb\":[{"
            + "\"name\":\"a\",\"enabled\":true,\"default\":true,\"urls\":[\"https://h:8086\",\"https://g:8086\"],"
            + "\"username\":\"u\",\"password\":\"p\",\"timeout\":\"1m30s\",\"insecure-skip-verify\":true,"
            + "\"compression\":\"gzip\"}]}"));
        assertEquals(List.of(new InfluxDBConfig("a", true, true, List.of("https://h:8086", "https://g:8086"), "u",
            "p", "", 90_000_000_000L, "", "", "", true, true)), configs);
        assertEquals(List.of(), InfluxDBConfig.fromTree(new ObjectMapper().readTree("{}")));
    }

    @Test
    void theOnlyEnabledClusterIsTheDefault() {
        InfluxDBClusters c = InfluxDBClusters.create(vertx, List.of(InfluxDBConfig.of("one", "http://127.0.0.1:1")
            .withDefault(false), new InfluxDBConfig("off", false, false, List.of("http://127.0.0.1:2"), "", "", "",
            0, "", "", "", false, false)));
        assertSame(c.named("one"), c.named(""));
        assertEquals("no such InfluxDB config off", assertThrows(IllegalArgumentException.class,
            () -> c.named("off")).getMessage());
    }

    @Test
    void theMarkedDefaultServesUnnamedNodes() {
        InfluxDBClusters c = InfluxDBClusters.create(vertx, List.of(
            InfluxDBConfig.of("a", "http://127.0.0.1:1").withDefault(false),
            InfluxDBConfig.of("b", "http://127.0.0.1:2")));
        assertSame(c.named("b"), c.named(""));
        assertNotSame(c.named("a"), c.named(""));
        assertTrue(InfluxDBClusters.NONE.isEmpty());
    }
}
