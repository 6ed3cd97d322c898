package kapacitor.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static kapacitor.runtime.StreamerHarness.assertAnyOrder;
import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;

/** Kapacitor's streamer tests of combine and flatten. */
class StreamerCombineFlattenTest {
    private final StreamerHarness h = new StreamerHarness();

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private static final String FROM = """
        stream
            |from()
                .measurement('request_latency')
                .groupBy('dc')
        """;

    @Test
    void flatten() throws Exception {
        String out = h.run("TestStream_Flatten", "stream_flatten", FROM + """
                |flatten()
                    .on('service', 'host')
                    .tolerance(1s)
                |httpOut('TestStream_Flatten')
            """);
        var cols = columns("auth.server01.value", "auth.server02.value", "cart.server01.value",
            "cart.server02.value", "log.server01.value", "log.server02.value");
        assertAnyOrder(out,
            row("request_latency", tags("dc", "A"), cols, at(0, 700.0, 702.0, 800.0, 802.0, 600.0, 602.0)),
            row("request_latency", tags("dc", "B"), cols, at(0, 750.0, 752.0, 850.0, 852.0, 650.0, 652.0)));
    }

    @Test
    void flattenDropOriginalFieldName() throws Exception {
        String out = h.run("TestStream_Flatten", "stream_flatten", FROM + """
                |flatten()
                    .on('service', 'host')
                    .tolerance(1s)
                    .dropOriginalFieldName()
                |httpOut('TestStream_Flatten')
            """);
        var cols = columns("auth.server01", "auth.server02", "cart.server01", "cart.server02", "log.server01",
            "log.server02");
        assertAnyOrder(out,
            row("request_latency", tags("dc", "A"), cols, at(0, 700.0, 702.0, 800.0, 802.0, 600.0, 602.0)),
            row("request_latency", tags("dc", "B"), cols, at(0, 750.0, 752.0, 850.0, 852.0, 650.0, 652.0)));
    }

    @Test
    void combineAll() throws Exception {
        String out = h.run("TestStream_Combine", "stream_combine", FROM + """
                |combine(lambda: TRUE, lambda: TRUE)
                    .as('first', 'second')
                    .tolerance(1s)
                    .delimiter('.')
                |groupBy('first.service', 'second.service', 'dc')
                |eval(lambda: "first.value" / "second.value")
                    .as('ratio')
                |httpOut('TestStream_Combine')
            """);
        var cols = columns("ratio");
        assertAnyOrder(out,
            row("request_latency", tags("dc", "A", "first.service", "auth", "second.service", "log"), cols,
                at(0, 7.0 / 6.0)),
            row("request_latency", tags("dc", "A", "first.service", "auth", "second.service", "cart"), cols,
                at(0, 7.0 / 8.0)),
            row("request_latency", tags("dc", "A", "first.service", "log", "second.service", "cart"), cols,
                at(0, 6.0 / 8.0)),
            row("request_latency", tags("dc", "B", "first.service", "auth", "second.service", "log"), cols,
                at(0, 7.5 / 6.5)),
            row("request_latency", tags("dc", "B", "first.service", "auth", "second.service", "cart"), cols,
                at(0, 7.5 / 8.5)),
            row("request_latency", tags("dc", "B", "first.service", "log", "second.service", "cart"), cols,
                at(0, 6.5 / 8.5)));
    }

    @Test
    void combineFiltered() throws Exception {
        String out = h.run("TestStream_Combine", "stream_combine", FROM + """
                |combine(lambda: "service" == 'auth', lambda: TRUE)
                    .as('auth', 'other')
                    .tolerance(1s)
                    .delimiter('.')
                |groupBy('other.service','dc')
                |eval(lambda: "auth.value" / "other.value")
                    .as('ratio')
                |httpOut('TestStream_Combine')
            """);
        var cols = columns("ratio");
        assertAnyOrder(out,
            row("request_latency", tags("dc", "A", "other.service", "log", "auth.service", "auth"), cols,
                at(0, 7.0 / 6.0)),
            row("request_latency", tags("dc", "A", "other.service", "cart", "auth.service", "auth"), cols,
                at(0, 7.0 / 8.0)),
            row("request_latency", tags("dc", "B", "other.service", "log", "auth.service", "auth"), cols,
                at(0, 7.5 / 6.5)),
            row("request_latency", tags("dc", "B", "other.service", "cart", "auth.service", "auth"), cols,
                at(0, 7.5 / 8.5)));
    }

    @Test
    void combineAllTriples() throws Exception {
        String out = h.run("TestStream_Combine", "stream_combine", FROM + """
                |combine(lambda: TRUE, lambda: TRUE, lambda: TRUE)
                    .as('first', 'second', 'third')
                    .tolerance(1s)
                    .delimiter('.')
                |groupBy('first.service', 'second.service', 'third.service', 'dc')
                |eval(lambda: "first.value" + "second.value" + "third.value")
                    .as('sum')
                |httpOut('TestStream_Combine')
            """);
        var cols = columns("sum");
        assertAnyOrder(out,
            row("request_latency", tags("dc", "A", "first.service", "auth", "second.service", "log",
                "third.service", "cart"), cols, at(0, 2100.0)),
            row("request_latency", tags("dc", "B", "first.service", "auth", "second.service", "log",
                "third.service", "cart"), cols, at(0, 2250.0)));
    }
}
