package kapacitor.lineprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrecisionTest {

    @ParameterizedTest
    @CsvSource({"n,NANOSECONDS", "ns,NANOSECONDS", "'',NANOSECONDS", "u,MICROSECONDS", "us,MICROSECONDS",
        "\u00b5,MICROSECONDS", "\u03bc,MICROSECONDS", "ms,MILLISECONDS", "s,SECONDS", "m,MINUTES", "h,HOURS"})
    void parsesQueryValues(String value, Precision expected) {
        assertEquals(expected, Precision.parse(value));
    }

    @Test
    void missingValueIsNanoseconds() {
        assertEquals(Precision.NANOSECONDS, Precision.parse(null));
    }

    @Test
    void unknownValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("d"));
        assertEquals("invalid precision \"d\"", e.getMessage());
    }

    @Test
    void convertsBothWays() {
        assertEquals(90_000_000_000L, Precision.MINUTES.toNanos(1) + Precision.SECONDS.toNanos(30));
        assertEquals(-1, Precision.SECONDS.fromNanos(-1_999_999_999L));
        assertEquals(-2_000_000_000L, Precision.SECONDS.truncate(-1_000_000_001L));
        assertThrows(ArithmeticException.class, () -> Precision.HOURS.toNanos(Long.MAX_VALUE / 1000));
    }
}
