package kapacitor.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static kapacitor.runtime.StreamerHarness.assertAnyOrder;
import static kapacitor.runtime.StreamerHarness.at;
import static kapacitor.runtime.StreamerHarness.columns;
import static kapacitor.runtime.StreamerHarness.result;
import static kapacitor.runtime.StreamerHarness.row;
import static kapacitor.runtime.StreamerHarness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kapacitor's streamer tests of union, join, changeDetect, stateDuration and stateCount. */
class StreamerJoinUnionTest {
    private final StreamerHarness h = new StreamerHarness();

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private static final String SUM_JOIN = """
        var errorCounts = stream
            |from()
                .measurement('errors')
                .groupBy('service')
            |window()
                .period(10s)
                .every(10s)
                .align()
            |sum('value')

        var viewCounts = stream
            |from()
                .measurement('views')
                .groupBy('service')
            |window()
                .period(10s)
                .every(10s)
                .align()
            |sum('value')

        errorCounts
            |join(viewCounts)
                .as('errors', 'views')
        """;

    @Test
    void join() throws Exception {
        String out = h.run("TestStream_Join", "stream_join", SUM_JOIN + """
                    .streamName('error_view')
                |eval(lambda: "errors.sum" / "views.sum")
                    .as('error_percent')
                    .keep()
                |httpOut('TestStream_Join')
            """);
        var cols = columns("error_percent", "errors.sum", "views.sum");
        assertAnyOrder(out,
            row("error_view", tags("service", "cartA"), cols, at(10, 0.01, 47.0, 4700.0)),
            row("error_view", tags("service", "login"), cols, at(10, 0.01, 45.0, 4500.0)),
            row("error_view", tags("service", "front"), cols, at(10, 0.01, 32.0, 3200.0)));
    }

    @Test
    void joinDelimiter() throws Exception {
        String out = h.run("TestStream_Join", "stream_join", SUM_JOIN + """
                    .delimiter('#')
                    .streamName('error_view')
                |eval(lambda: "errors#sum" / "views#sum")
                    .as('error_percent')
                    .keep()
                |httpOut('TestStream_Join')
            """);
        var cols = columns("error_percent", "errors#sum", "views#sum");
        assertAnyOrder(out,
            row("error_view", tags("service", "cartA"), cols, at(10, 0.01, 47.0, 4700.0)),
            row("error_view", tags("service", "login"), cols, at(10, 0.01, 45.0, 4500.0)),
            row("error_view", tags("service", "front"), cols, at(10, 0.01, 32.0, 3200.0)));
    }

    @Test
    void joinTolerance() throws Exception {
        String out = h.run("TestStream_JoinTolerance", "stream_join_tolerance", """
            var errorCounts = stream
                |from()
                    .measurement('errors')
                    .groupBy('service')

            var viewCounts = stream
                |from()
                    .measurement('views')
                    .groupBy('service')

            errorCounts
                |join(viewCounts)
                    .as('errors', 'views')
                    .tolerance(2s)
                    .streamName('error_view')
                |window()
                    .period(10s)
                    .every(10s)
                |httpOut('TestStream_JoinTolerance')
            """);
        var cols = columns("errors.value", "views.value");
        assertAnyOrder(out,
            row("error_view", tags("service", "cartA"), cols, at(0, 7.0, 700.0), at(2, 9.0, 900.0),
                at(4, 3.0, 300.0), at(6, 11.0, 1100.0), at(6, 12.0, 1200.0), at(8, 6.0, 600.0)),
            row("error_view", tags("service", "login"), cols, at(0, 9.0, 900.0), at(2, 5.0, 500.0),
                at(4, 9.0, 900.0), at(4, 2.0, 200.0), at(6, 7.0, 700.0), at(8, 10.0, 1000.0)),
            row("error_view", tags("service", "front"), cols, at(0, 2.0, 200.0), at(2, 9.0, 900.0),
                at(4, 7.0, 700.0), at(6, 5.0, 500.0), at(6, 4.0, 400.0), at(8, 6.0, 600.0), at(8, 4.0, 400.0)));
    }

    @Test
    void joinFillNum() throws Exception {
        String out = h.run("TestStream_Join_Fill", "stream_join_fill", """
            var errorCounts = stream
                |from()
                    .measurement('errors')
                    .groupBy('service')

            var viewCounts = stream
                |from()
                    .measurement('views')
                    .groupBy('service')

            errorCounts
                |join(viewCounts)
                    .as('errors', 'views')
                    .fill(0.0)
                    .streamName('error_view')
                |eval(lambda:  "errors.value" + "views.value")
                    .as('error_percent')
                |window()
                    .period(10s)
                    .every(10s)
                |count('error_percent')
                |httpOut('TestStream_Join_Fill')
            """);
        var cols = columns("count");
        assertAnyOrder(out,
            row("error_view", tags("service", "cartA"), cols, at(10, 7.0)),
            row("error_view", tags("service", "login"), cols, at(10, 7.0)),
            row("error_view", tags("service", "front"), cols, at(10, 8.0)));
    }

    /** Kapacitor's TestStream_Join_Fill_Null: missing fields are present with no value, then defaulted. */
    @Test
    void joinFillNull() throws Exception {
        String out = h.run("TestStream_Join_Fill", "stream_join_fill", """
            var errorCounts = stream
                |from()
                    .measurement('errors')
                    .groupBy('service')

            var viewCounts = stream
                |from()
                    .measurement('views')
                    .groupBy('service')

            errorCounts
                |join(viewCounts)
                    .as('errors', 'views')
                    .fill('null')
                    .streamName('error_view')
                |default()
                    .field('errors.value', 0.0)
                    .field('views.value', 0.0)
                |eval(lambda:  "errors.value" + "views.value")
                    .as('error_percent')
                |window()
                    .period(10s)
                    .every(10s)
                |count('error_percent')
                |httpOut('TestStream_Join_Fill')
            """);
        var cols = columns("count");
        assertAnyOrder(out,
            row("error_view", tags("service", "cartA"), cols, at(10, 7.0)),
            row("error_view", tags("service", "login"), cols, at(10, 7.0)),
            row("error_view", tags("service", "front"), cols, at(10, 8.0)));
    }

    @Test
    void joinOn() throws Exception {
        String out = h.run("TestStream_JoinOn", "stream_join_on", """
            var errorsByServiceDC = stream
                |from()
                    .measurement('errors')
                    .groupBy('dc', 'service')
                |window()
                    .period(10s)
                    .every(10s)
                    .align()
                |sum('value')

            var errorsByServiceGlobal = stream
                |from()
                    .measurement('errors')
                    .groupBy('service')
                |window()
                    .period(10s)
                    .every(10s)
                    .align()
                |sum('value')

            errorsByServiceGlobal
                |join(errorsByServiceDC)
                    .as('service', 'dc')
                    .on('service')
                    .streamName('dc_error_percent')
                |eval(lambda: "dc.sum" / "service.sum")
                    .keep()
                    .as('value')
                |httpOut('TestStream_JoinOn')
            """);
        var cols = columns("dc.sum", "service.sum", "value");
        assertAnyOrder(out,
            row("dc_error_percent", tags("dc", "A", "service", "cartA"), cols, at(10, 15.0, 47.0, 15.0 / 47.0)),
            row("dc_error_percent", tags("dc", "B", "service", "cartA"), cols, at(10, 32.0, 47.0, 32.0 / 47.0)),
            row("dc_error_percent", tags("dc", "A", "service", "login"), cols, at(10, 15.0, 45.0, 15.0 / 45.0)),
            row("dc_error_percent", tags("dc", "B", "service", "login"), cols, at(10, 23.0, 45.0, 23.0 / 45.0)),
            row("dc_error_percent", tags("dc", "C", "service", "login"), cols, at(10, 7.0, 45.0, 7.0 / 45.0)),
            row("dc_error_percent", tags("dc", "A", "service", "front"), cols, at(10, 19.0, 32.0, 19.0 / 32.0)),
            row("dc_error_percent", tags("dc", "B", "service", "front"), cols, at(10, 13.0, 32.0, 13.0 / 32.0)));
    }

    @Test
    void union() throws Exception {
        String out = h.run("TestStream_Union", "stream_union", """
            var cpuT = stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "cpu" == 'total')
            var cpu0 = stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "cpu" == '0')
            var cpu1 = stream
                |from()
                    .measurement('cpu')
                    .where(lambda: "cpu" == '1')

            cpuT
                |union(cpu0, cpu1)
                    .rename('cpu_all')
                |window()
                    .period(10s)
                    .every(10s)
                |count('value')
                |httpOut('TestStream_Union')
            """);
        assertEquals(result(row("cpu_all", tags(), columns("count"), at(10, 20.0))), out);
    }

    @Test
    void changeDetect() throws Exception {
        String out = h.run("TestStream_ChangeDetect", "stream_change_detect", """
            stream
                |from().measurement('packets')
                |changeDetect('value')
                |window()
                    .period(10s)
                    .every(10s)
                |httpOut('TestStream_ChangeDetect')
            """);
        assertEquals(result(row("packets", tags(), columns("value"), at(0, "bad"), at(1, "good"), at(2, "bad"),
            at(5, "good"), at(7, "bad"), at(8, "good"))), out);
    }

    @Test
    void changeDetectMany() throws Exception {
        String out = h.run("TestStream_ChangeDetect_Many", "stream_change_detect_many", """
            stream
                |from().measurement('packets')
                |changeDetect('a','b')
                |window()
                    .period(6s)
                    .every(6s)
                |httpOut('TestStream_ChangeDetect_Many')
            """);
        assertEquals(result(row("packets", tags(), columns("a", "b"), at(0, "bad", 0.0), at(1, "good", 0.0),
            at(4, "bad", 1.0), at(5, "bad", 0.0))), out);
    }

    @Test
    void stateDuration() throws Exception {
        String out = h.run("TestStream_StateTracking", "stream_state_tracking", """
            var data = stream
                |from().measurement('cpu')
                |groupBy('host')
            data
                |stateDuration(lambda: "value" > 95)
                    .unit(1ms)
                    .as('my_duration')
                |window().period(4s).every(4s)
                |httpOut('TestStream_StateTracking')
            data
                |stateDuration(lambda: "value" > 95) // discard
            """);
        var cols = columns("my_duration", "value");
        assertEquals(result(
            row("cpu", tags("host", "serverA"), cols, at(0, 0.0, 97.1), at(1, 1000.0, 96.6), at(2, -1.0, 83.6),
                at(3, 0.0, 99.1)),
            row("cpu", tags("host", "serverB"), cols, at(0, -1.0, 47.0), at(1, 0.0, 95.1), at(3, 2000.0, 96.1))),
            out);
    }

    @Test
    void stateCount() throws Exception {
        String out = h.run("TestStream_StateTracking", "stream_state_tracking", """
            var data = stream
                |from().measurement('cpu')
                |groupBy('host')
            data
                |stateCount(lambda: "value" > 95)
                    .as('my_count')
                |window().period(4s).every(4s)
                |httpOut('TestStream_StateTracking')
            data
                |stateCount(lambda: "value" > 95) // discard
            """);
        var cols = columns("my_count", "value");
        assertEquals(result(
            row("cpu", tags("host", "serverA"), cols, at(0, 1L, 97.1), at(1, 2L, 96.6), at(2, -1L, 83.6),
                at(3, 1L, 99.1)),
            row("cpu", tags("host", "serverB"), cols, at(0, -1L, 47.0), at(1, 1L, 95.1), at(3, 2L, 96.1))),
            out);
    }

    @Test
    void joinOnAcrossMeasurement() throws Exception {
        String out = h.run("TestStream_JoinOn_AcrossMeasurement", "stream_join_on_across_measurement", """
            var building = stream
                |from()
                    .measurement('building_power')
                    .groupBy('building')
            var floor = stream
                |from()
                    .measurement('floor_power')
                    .groupBy('building', 'floor')
            building
                |join(floor)
                    .as('building', 'floor')
                    .on('building')
                    .streamName('power_floor_percentage')
                |log()
                    .prefix('JOINED')
                |eval(lambda: "floor.value" / "building.value")
                    .as('value')
                |httpOut('TestStream_JoinOn_AcrossMeasurement')
            """);
        var cols = columns("value");
        String n = "power_floor_percentage";
        assertAnyOrder(out,
            row(n, tags("building", "shack", "floor", "1"), cols, at(0, 7.0 / 30.0)),
            row(n, tags("building", "shack", "floor", "2"), cols, at(0, 11.0 / 30.0)),
            row(n, tags("building", "shack", "floor", "3"), cols, at(0, 12.0 / 30.0)),
            row(n, tags("building", "hut", "floor", "1"), cols, at(0, 19.0 / 40.0)),
            row(n, tags("building", "hut", "floor", "2"), cols, at(0, 21.0 / 40.0)));
    }
}
