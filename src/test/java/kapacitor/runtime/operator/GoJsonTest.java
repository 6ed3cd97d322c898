package kapacitor.runtime.operator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoJsonTest {
    @ParameterizedTest
    @CsvSource({"1.0,1", "1001.5,1001.5", "0.1,0.1", "1e21,1e+21", "1.5e-7,1.5e-7", "123456789012.0,123456789012",
        "-2.25,-2.25", "0.000001,0.000001"})
    void floatsAsGoEncodesThem(double v, String expected) {
        assertEquals(expected, GoJson.formatFloat(v));
    }
}
