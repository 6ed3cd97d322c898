package kapacitor.runtime.batch;

import kapacitor.model.DbRp;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.Star;
import kapacitor.tick.eval.TimeDimension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchQueryTest {
    private static final long S = 1_000_000_000L;
    /** 2015-10-18T00:00:00Z. */
    private static final long START = 1_445_126_400L * S;

    private static String text(String q, List<Object> dims, Object fill, boolean alignGroup) {
        return BatchQuery.parse(q, dims, fill, alignGroup).text(START, START + 10 * S);
    }

    @Test
    void timeBoundsAreAndedToTheCondition() {
        assertEquals("SELECT mean(value) FROM db.rp.cpu WHERE host = 'a' AND time >= '2015-10-18T00:00:00Z' AND "
            + "time < '2015-10-18T00:00:10Z'", text("select mean(value) from db.rp.cpu where host = 'a'",
            List.of(), null, false));
    }

    @Test
    void noConditionGetsOnlyTheTimeBounds() {
        assertEquals("SELECT * FROM cpu WHERE time >= '2015-10-18T00:00:00Z' AND time < '2015-10-18T00:00:10Z'",
            text("SELECT * FROM cpu", List.of(), null, false));
    }

    @Test
    void aConditionWithOrIsParenthesisedSoTheBoundsApplyToAllOfIt() {
        assertEquals("SELECT v FROM cpu WHERE (host = 'a' OR host = 'b') AND time >= '2015-10-18T00:00:00Z' AND "
            + "time < '2015-10-18T00:00:10Z'", text("SELECT v FROM cpu WHERE host = 'a' OR host = 'b'",
            List.of(), null, false));
    }

    @Test
    void theNodeGroupByReplacesTheQueryGroupBy() {
        assertEquals("SELECT mean(v) FROM cpu WHERE time >= '2015-10-18T00:00:00Z' AND time < "
            + "'2015-10-18T00:00:10Z' GROUP BY time(1m, 0s), host, \"select\", * fill(none) LIMIT 10",
            text("SELECT mean(v) FROM cpu GROUP BY dc fill(previous) LIMIT 10",
                List.of(new DurationValue(60 * S), "host", "select", Star.INSTANCE), "none", false));
    }

    @Test
    void theQueryFillStaysWithoutANodeFill() {
        assertEquals("SELECT mean(v) FROM cpu WHERE time >= '2015-10-18T00:00:00Z' AND time < "
            + "'2015-10-18T00:00:10Z' fill(previous)", text("SELECT mean(v) FROM cpu fill(previous)", List.of(),
            null, false));
    }

    @Test
    void alignGroupMovesTheOffsetWithTheStart() {
        BatchQuery q = BatchQuery.parse("SELECT mean(v) FROM cpu", List.of(new TimeDimension(
            new DurationValue(7 * S), new DurationValue(0))), null, true);
        // 1445126400 s mod 7 s = 4 s
        assertTrue(q.text(START, START + 10 * S).endsWith("GROUP BY time(7s, 4s)"), q.text(START, START + 10 * S));
        assertTrue(q.isGroupedByTime());
    }

    @Test
    void regexesAndQuotedKeywordsAreNotClauses() {
        assertEquals("SELECT \"from\" FROM /cpu.*/ WHERE host =~ /where|group by/ AND time >= "
            + "'2015-10-18T00:00:00Z' AND time < '2015-10-18T00:00:10Z'",
            text("SELECT \"from\" FROM /cpu.*/ WHERE host =~ /where|group by/", List.of(), null, false));
    }

    @Test
    void divisionIsNotARegex() {
        assertEquals("SELECT a / 2 FROM cpu WHERE time >= '2015-10-18T00:00:00Z' AND time < '2015-10-18T00:00:10Z'",
            text("SELECT a / 2 FROM cpu", List.of(), null, false));
    }

    @Test
    void dbrpsOfTheSources() {
        assertEquals(List.of(new DbRp("telegraf", "default"), new DbRp("", "rp"), new DbRp("", "")),
            BatchQuery.parse("SELECT v FROM \"telegraf\".\"default\".cpu, rp.mem, disk", List.of(), null, false)
                .dbrps());
        assertFalse(BatchQuery.parse("SELECT v FROM cpu", List.of(), null, false).isGroupedByTime());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SHOW DATABASES|failed to parse InfluxQL query: found SHOW, expected SELECT",
        "SELECT v|failed to parse InfluxQL query: found EOF, expected FROM",
        "SELECT v FROM a; SELECT v FROM b|query must be a single select statement, got 2 statements",
    })
    void rejected(String query, String error) {
        assertEquals(error, assertThrows(IllegalArgumentException.class,
            () -> BatchQuery.parse(query, List.of(), null, false)).getMessage());
    }

    @Test
    void twoTimeDimensionsAreRejected() {
        assertEquals("groupBy cannot have more than one time dimension", assertThrows(IllegalArgumentException.class,
            () -> BatchQuery.parse("SELECT v FROM cpu", List.of(new DurationValue(S), new DurationValue(2 * S)),
                null, false)).getMessage());
        assertEquals("unexpected fill option zero", assertThrows(IllegalArgumentException.class,
            () -> BatchQuery.parse("SELECT v FROM cpu", List.of(), "zero", false)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "1000000000,1s", "90000000000,90s", "3600000000000,1h", "604800000000000,1w",
        "1500000,1500u", "7,7ns"})
    void influxqlDurations(long nanos, String text) {
        assertEquals(text, BatchQuery.formatDuration(nanos));
    }
}
