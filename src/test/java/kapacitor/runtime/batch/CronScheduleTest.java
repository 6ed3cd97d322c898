package kapacitor.runtime.batch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CronScheduleTest {
    private static long nanos(String t) {
        Instant i = Instant.parse(t);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*/5 * * * *|2026-11-25T10:00:03Z|2026-11-25T10:05:00Z",
        "*/5 * * * *|2026-11-25T10:05:00Z|2026-11-25T10:10:00Z",
        "@hourly|2026-11-25T10:30:00.5Z|2026-11-25T11:00:00Z",
        "@daily|2026-12-31T23:59:59Z|2027-01-01T00:00:00Z",
        "0 9 * * MON-FRI|2026-11-28T12:00:00Z|2026-11-30T09:00:00Z",
        "0 0 13 * 5|2026-11-25T00:00:00Z|2026-11-27T00:00:00Z",
        "0 0 13 * 5|2027-02-12T00:00:00Z|2027-02-13T00:00:00Z",
        "0 0 * * 7|2026-11-25T00:00:00Z|2026-11-29T00:00:00Z",
        "*/10 * * * * * *|2026-11-25T00:00:05Z|2026-11-25T00:00:10Z",
        "0 0 1 jan * 2030|2026-11-25T00:00:00Z|2030-01-01T00:00:00Z",
        "15-45/15 3 * * *|2026-11-25T03:15:00Z|2026-11-25T03:30:00Z",
        "0 0 31 * *|2026-11-25T00:00:00Z|2026-12-31T00:00:00Z",
    })
    void next(String expr, String after, String expected) {
        assertEquals(nanos(expected), CronSchedule.parse(expr, ZoneOffset.UTC).next(nanos(after)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "61 * * * *|syntax error in minute field: '61'",
        "* * *|missing field(s)",
        "* * * FOO *|syntax error in month field: 'FOO'",
        "5-1 * * * *|syntax error in minute field: '5-1'",
    })
    void rejected(String expr, String error) {
        assertEquals(error, assertThrows(IllegalArgumentException.class,
            () -> CronSchedule.parse(expr, ZoneOffset.UTC)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 0 * * *|Europe/Paris|2026-11-25T12:00:00Z|2026-11-25T23:00:00Z"})
    void localTime(String expr, String zone, String after, String expected) {
        assertEquals(nanos(expected), CronSchedule.parse(expr, ZoneId.of(zone)).next(nanos(after)));
    }
}
