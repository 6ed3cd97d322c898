package kapacitor.lineprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementScannerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "cpu,host=a v=1 1|cpu",
        "cpu v=1|cpu",
        "  cpu v=1|cpu",
        "my\\ cpu\\,x,t=1 v=1|'my cpu,x'",
        "a\\=b v=1|a\\=b",
        "# comment|NULL",
        "cpu|NULL",
        ",cpu v=1|NULL",
        "''|NULL"})
    void readsTheMeasurementOnly(String line, String expected) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, MeasurementScanner.measurement(b, 0, b.length));
    }
}
