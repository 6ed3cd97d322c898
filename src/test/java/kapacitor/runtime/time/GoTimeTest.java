package kapacitor.runtime.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoTimeTest {
    private static final long S = 1_000_000_000L;

    @Test
    void formatsLikeGoRfc3339Nano() {
        assertEquals("1971-01-01T00:00:11Z", GoTime.formatRfc3339Nano(31536011L * S));
        assertEquals("1970-01-01T00:00:00.5Z", GoTime.formatRfc3339Nano(S / 2));
        assertEquals("1969-12-31T23:59:59.999999999Z", GoTime.formatRfc3339Nano(-1));
        assertEquals("1970-01-01T00:00:00.00000001Z", GoTime.formatRfc3339Nano(10));
        assertEquals("1970-01-01T00:00:00.000123Z", GoTime.formatRfc3339Nano(123_000));
        assertEquals("1970-01-01T00:00:01.02030405Z", GoTime.formatRfc3339Nano(S + 20_304_050));
    }

    @Test
    void truncatesAndRoundsFromGoZeroTime() {
        assertEquals(10 * S, GoTime.truncate(11 * S, 5 * S));
        assertEquals(15 * S, GoTime.round(13 * S, 5 * S));
        assertEquals(10 * S, GoTime.round(12 * S, 5 * S));
        // 62135596800 s (zero time to Unix epoch) mod 7 = 4: Go's multiples of 7s sit at 3s past a Unix multiple.
        assertEquals(3 * S, GoTime.truncate(9 * S, 7 * S));
        assertEquals(-4 * S, GoTime.truncate(0, 7 * S));
        assertEquals(S / 2 - S / 4, GoTime.truncate(S / 2 - 1, S / 4));
    }
}
