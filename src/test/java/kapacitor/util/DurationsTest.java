package kapacitor.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "10s, 10000000000",
        "1m0s, 60000000000",
        "1m30s, 90000000000",
        "1h2m3.5s, 3723500000000",
        "500ms, 500000000",
        "1us, 1000",
        "1µs, 1000",
        "1ns, 1",
        "-1.5h, -5400000000000",
        "+2m, 120000000000",
        ".5s, 500000000"})
    void parsesGoDurations(String text, long nanos) {
        assertEquals(nanos, Durations.parseNanos(text));
        assertEquals(Duration.ofNanos(nanos), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1d", "1w", "10", "s", "1.2.3s", "abc", "1m-5s"})
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text));
    }

    @Test
    void missingUnitMessageIsGos() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos("5"));
        assertEquals("time: missing unit in duration \"5\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "1500, 1.5µs",
        "500000000, 500ms",
        "10000000000, 10s",
        "60000000000, 1m0s",
        "300000000000, 5m0s",
        "3723500000000, 1h2m3.5s",
        "-90000000000, -1m30s"})
    void formatsLikeGo(long nanos, String text) {
        assertEquals(text, Durations.formatNanos(nanos));
    }
}
