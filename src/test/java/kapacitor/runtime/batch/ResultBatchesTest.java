package kapacitor.runtime.batch;

import io.vertx.core.json.JsonObject;
import kapacitor.influxdb.QueryResponse;
import kapacitor.model.Fields;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultBatchesTest {
    private static final long S = 1_000_000_000L;
    private static final long STOP = 100 * S;

    private static QueryResponse.Result result(String json) {
        return QueryResponse.parse(new JsonObject(json)).results().get(0);
    }

    private static final String TWO_SERIES = "{\"results\":[{\"statement_id\":0,\"series\":["
        + "{\"name\":\"cpu\",\"tags\":{\"host\":\"a\",\"dc\":\"x\"},\"columns\":[\"time\",\"mean\",\"n\"],"
        + "\"values\":[[\"1970-01-01T00:00:10Z\",1,null],[\"1970-01-01T00:00:20.5Z\",2.5,\"s\"],"
        + "[\"1970-01-01T00:00:30Z\",null,null]]},"
        + "{\"name\":\"cpu\",\"tags\":{\"host\":\"b\",\"dc\":\"x\"},\"columns\":[\"time\",\"mean\"],\"values\":[]}]}]}";

    @Test
    void oneBatchPerSeriesGroupedByItsTags() {
        List<BatchMessage> batches = ResultBatches.of(result(TWO_SERIES), false, true, STOP);
        assertEquals(2, batches.size());
        BatchMessage a = batches.get(0);
        assertEquals("cpu", a.name());
        assertEquals(Tags.of("dc", "x", "host", "a"), a.groupTags());
        assertEquals("dc=x,host=a", a.groupId());
        // The row with only nulls is skipped; numbers become floats as Kapacitor's UseNumber + Float64 makes them.
        assertEquals(2, a.points().size());
        assertEquals(Fields.of("mean", 1.0), a.points().get(0).fields());
        assertEquals(Fields.of("mean", 2.5, "n", "s"), a.points().get(1).fields());
        assertEquals(20_500_000_000L, a.points().get(1).time());
        assertEquals(20_500_000_000L, a.time(), "the latest point time when grouped by time");
        assertEquals(STOP, batches.get(1).time(), "an empty batch takes the stop time");
    }

    @Test
    void notGroupedByTimeTheBatchTakesTheStopTime() {
        assertEquals(STOP, ResultBatches.of(result(TWO_SERIES), false, false, STOP).get(0).time());
    }

    @Test
    void groupByMeasurementPutsTheNameInTheGroup() {
        assertEquals("cpu\ndc=x,host=a", ResultBatches.of(result(TWO_SERIES), true, true, STOP).get(0).groupId());
    }

    @Test
    void resultErrorsAndBadTimesAreReported() {
        assertEquals("database not found: x", assertThrows(IllegalArgumentException.class, () -> ResultBatches.of(
            result("{\"results\":[{\"statement_id\":0,\"error\":\"database not found: x\"}]}"), false, true, STOP))
            .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResultBatches.of(result("{\"results\":[{\"series\":["
            + "{\"name\":\"cpu\",\"columns\":[\"time\",\"v\"],\"values\":[[12,1]]}]}]}"), false, true, STOP));
    }
}
