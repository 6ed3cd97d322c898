package kapacitor.replay;

import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.runtime.TaskSpec;
import kapacitor.tick.eval.TickCompiler;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queries a batch recording runs, as Kapacitor's QueryNode.Queries steps through [start, stop]. */
class BatchQueryPlanTest {
    private static final List<DbRp> DBRPS = List.of(new DbRp("mydb", "myrp"));

    private static long t(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static TaskSpec spec(String script, TaskType type) {
        return new TaskSpec("t", type, TickCompiler.compileTask(script, type, Map.of()), DBRPS);
    }

    private static List<BatchQueryPlan.Node> plan(String script, String start, String stop) {
        return BatchQueryPlan.of(spec(script, TaskType.BATCH), t(start), t(stop), t("2100-01-01T00:00:00Z"));
    }

    @Test
    void everyStepsFromStartThroughStop() {
        List<BatchQueryPlan.Node> p = plan("batch|query('SELECT value from mydb.myrp.cpu').period(2s).every(2s)",
            "1971-01-01T00:00:00Z", "1971-01-01T00:00:06Z");
        assertEquals(1, p.size());
        List<BatchQueryPlan.Window> q = p.get(0).queries();
        assertEquals(3, q.size());
        assertEquals("SELECT value FROM mydb.myrp.cpu WHERE time >= '1971-01-01T00:00:00Z' AND time < "
            + "'1971-01-01T00:00:02Z'", q.get(0).text());
        assertEquals(t("1971-01-01T00:00:06Z"), q.get(2).stop());
        assertFalse(p.get(0).groupedByTime());
        assertEquals("", p.get(0).cluster());
    }

    @Test
    void offsetAlignGroupByAndSeveralQueries() {
        String script = "var a = batch|query('SELECT mean(value) FROM mydb.myrp.cpu').period(10s).every(5s)"
            + ".offset(1s).align().groupBy(time(5s), 'host').cluster('other')\n"
            + "var b = batch|query('SELECT max(value) FROM mydb.myrp.mem').period(4s).every(4s).groupByMeasurement()\n"
            + "a|join(b).as('a', 'b')";
        List<BatchQueryPlan.Node> p = plan(script, "1971-01-01T00:00:02Z", "1971-01-01T00:00:12Z");
        assertEquals(2, p.size());
        // Aligned ticks round to multiples of every: 5s and 10s; each window ends offset before its tick.
        List<BatchQueryPlan.Window> a = p.get(0).queries();
        assertEquals(2, a.size());
        assertEquals(t("1971-01-01T00:00:04Z"), a.get(0).stop());
        assertEquals("SELECT mean(value) FROM mydb.myrp.cpu WHERE time >= '1970-12-31T23:59:54Z' AND time < "
            + "'1971-01-01T00:00:04Z' GROUP BY time(5s, 0s), host", a.get(0).text());
        assertEquals(t("1971-01-01T00:00:09Z"), a.get(1).stop());
        assertTrue(p.get(0).groupedByTime());
        assertEquals("other", p.get(0).cluster());
        List<BatchQueryPlan.Window> b = p.get(1).queries();
        assertEquals(List.of(t("1971-01-01T00:00:06Z"), t("1971-01-01T00:00:10Z")),
            b.stream().map(BatchQueryPlan.Window::stop).toList());
        assertTrue(p.get(1).byName());
    }

    @Test
    void windowsEndingAfterNowAreLeftOut() {
        List<BatchQueryPlan.Node> p = BatchQueryPlan.of(spec("batch|query('SELECT value from mydb.myrp.cpu')"
                + ".period(2s).every(2s)", TaskType.BATCH), t("1971-01-01T00:00:00Z"), t("1971-01-01T00:01:00Z"),
            t("1971-01-01T00:00:05Z"));
        assertEquals(2, p.get(0).queries().size());
    }

    @Test
    void cronTicksAreTheScheduleTimesAfterStart() {
        List<BatchQueryPlan.Node> p = plan("batch|query('SELECT value from mydb.myrp.cpu').period(1m)"
            + ".cron('*/10 * * * * * *')", "1971-01-01T00:00:05Z", "1971-01-01T00:00:30Z");
        List<Long> stops = p.get(0).queries().stream().map(BatchQueryPlan.Window::stop).toList();
        assertEquals(List.of(t("1971-01-01T00:00:10Z"), t("1971-01-01T00:00:20Z"), t("1971-01-01T00:00:30Z")),
            stops);
    }

    @Test
    void kapacitorsErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchQueryPlan.of(
            spec("stream|from().measurement('cpu')", TaskType.STREAM), 0, 1, 2));
        assertEquals("wrong task type", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> plan(
            "batch|query('SELECT value from other.autogen.cpu').period(2s).every(2s)",
            "1971-01-01T00:00:00Z", "1971-01-01T00:00:06Z"));
        assertEquals("batch query is not allowed to request data from \"other\".\"autogen\"", e.getMessage());
    }
}
