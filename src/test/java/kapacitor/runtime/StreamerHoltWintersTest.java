package kapacitor.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kapacitor's holtWinters streamer tests: the forecasts must equal InfluxDB's to the last bit. */
class StreamerHoltWintersTest {
    private final StreamerHarness h = new StreamerHarness();

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private String run(String method) throws Exception {
        return h.run("TestStream_HoltWinters", "stream_holt_winters", """
            stream
                |from()
                    .measurement('packets')
                    .groupBy('host')
                |window()
                    .period(10s)
                    .every(10s)
                |%s('value', 3, 0, 1s)
                |where(lambda: "host" == 'serverA')
                |httpOut('TestStream_HoltWinters')
            """.formatted(method));
    }

    @Test
    void holtWinters() throws Exception {
        assertEquals(result(row("packets", tags("host", "serverA"), columns("holtWinters"),
            at(10, 1009.324690106368), at(11, 1009.7524349889708), at(12, 1010.105056042826))),
            run("holtWinters"));
    }

    @Test
    void holtWintersWithFit() throws Exception {
        assertEquals(result(row("packets", tags("host", "serverA"), columns("holtWinters"),
            at(0, 1000.0), at(1, 1000.7349380776699), at(2, 1001.8935462884633), at(3, 1003.1750039651934),
            at(4, 1004.4245269000132), at(5, 1005.5685498251902), at(6, 1006.5782508658309),
            at(7, 1007.4488388165385), at(8, 1008.1877681696025), at(9, 1008.8080773333872),
            at(10, 1009.324690106368), at(11, 1009.7524349889708), at(12, 1010.105056042826))),
            run("holtWintersWithFit"));
    }
}
