package kapacitor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final DurationValue TEN_S = new DurationValue(10_000_000_000L);

    private final Pipeline stream = Pipeline.create(EdgeType.STREAM);

    private NodeDef chain(TickObject o, String name, Object... args) {
        return (NodeDef) stream.chain(o, name, List.of(args));
    }

    @Test
    void idsFollowCreationOrderAndDotMatchesKapacitor() {
        NodeDef from = chain(stream.source(), "from");
        stream.property(from, "measurement", List.of("cpu"));
        NodeDef window = chain(from, "window");
        stream.property(window, "period", List.of(Duration.ofSeconds(10)));
        NodeDef mean = chain(window, "mean", "value");
        NodeDef alert = chain(mean, "alert");
        NodeDef out = chain(mean, "httpOut", "x");
        assertEquals(List.of("stream0", "from1", "window2", "mean3", "alert4", "http_out5"),
            List.of(stream.source(), from, window, mean, alert, out).stream().map(NodeDef::name).toList());
        assertEquals("digraph testTaskID {\nstream0 -> from1;\nfrom1 -> window2;\nwindow2 -> mean3;\n"
            + "mean3 -> alert4;\nmean3 -> http_out5;\n}", stream.dot("testTaskID"));
        assertEquals("cpu", from.stringValue("measurement"));
        assertEquals(TEN_S, window.value("Period"));
        assertEquals(EdgeType.BATCH, mean.wants());
        assertEquals(EdgeType.STREAM, mean.provides());
        assertEquals(List.of("mean"), mean.values("as"));
    }

    @Test
    void simpleStreamDot() {
        chain(stream.source(), "from");
        assertEquals("digraph testTaskID {\nstream0 -> from1;\n}", stream.dot("testTaskID"));
    }

    @Test
    void batchSourceIsLeftOutOfDot() {
        Pipeline batch = Pipeline.create(EdgeType.BATCH);
        NodeDef query = (NodeDef) batch.chain(batch.source(), "query", List.of("SELECT 1"));
        batch.chain(query, "log", List.of());
        assertEquals("digraph testTaskID {\nquery1 -> log2;\n}", batch.dot("testTaskID"));
        assertEquals("SELECT 1", query.stringValue("queryStr"));
    }

    @Test
    void walkOrderIsKapacitorsTopologicalSort() {
        NodeDef from = chain(stream.source(), "from");
        NodeDef a = chain(from, "log");
        NodeDef b = chain(from, "eval", new LambdaValue("x"));
        NodeDef joined = (NodeDef) stream.chain(b, "join", List.of(a));
        // The join is linked once per parent and keeps the last id.
        assertEquals("join5", joined.name());
        assertEquals(List.of(b, a), joined.parents());
        assertEquals(List.of("stream0", "from1", "eval3", "log2", "join5"),
            stream.sorted().stream().map(NodeDef::name).toList());
        NodeDef next = chain(joined, "log");
        assertEquals("log6", next.name());
    }

    @Test
    void unionLinksArgumentsFirst() {
        NodeDef from = chain(stream.source(), "from");
        NodeDef other = chain(stream.source(), "from");
        NodeDef union = (NodeDef) stream.chain(from, "union", List.of(other));
        assertEquals(List.of(other, from), union.parents());
        assertEquals("union4", union.name());
    }

    @Test
    void deadmanExpandsIntoStatsDerivativeAlert() {
        NodeDef from = chain(stream.source(), "from");
        TickObject alert = stream.chain(from, "deadman", List.of(15.0, TEN_S));
        NodeDef a = (NodeDef) alert;
        assertEquals("alert5", a.name());
        assertEquals("digraph t {\nstream0 -> from1;\nfrom1 -> noop3;\nstats2 -> derivative4;\n"
            + "derivative4 -> alert5;\n}", stream.dot("t"));
        NodeDef stats = stream.node("stats2");
        assertSame(from, stats.sourceNode());
        assertTrue(stats.has("align"));
        NodeDef derivative = stream.node("derivative4");
        assertEquals("emitted", derivative.stringValue("field"));
        assertTrue(derivative.has("nonNegative"));
        assertEquals(TEN_S, derivative.value("unit"));
        assertEquals(new DeadmanCondition(15.0, List.of()), ((LambdaValue) a.value("crit")).ast());
        assertEquals("{{ .Group }}:from1 for task '{{ .TaskName }}'", a.stringValue("id"));
        assertTrue(a.stringValue("message").endsWith("points/10s."));
    }

    @Test
    void globalDeadmanWatchesTheSource() {
        Pipeline p = Pipeline.create(EdgeType.STREAM,
            new DeadmanConfig(60_000_000_000L, 2.0, DeadmanConfig.DEFAULT_ID, DeadmanConfig.DEFAULT_MESSAGE, true));
        p.chain(p.source(), "from", List.of());
        p.applyGlobalDeadman();
        assertEquals("digraph t {\nstream0 -> from1;\nstats2 -> derivative3;\nderivative3 -> alert4;\n}",
            p.dot("t"));
        assertTrue(p.node("alert4").stringValue("message").endsWith("points/1m0s."));
    }

    @Test
    void alertHandlersCollectTheirOwnPropertiesAndDelegateTheRest() {
        NodeDef alert = chain(chain(stream.source(), "from"), "alert");
        TickObject slack = stream.property(alert, "slack", List.of());
        assertInstanceOf(HandlerDef.class, slack);
        stream.property(slack, "channel", List.of("#x"));
        stream.property(slack, "crit", List.of(new LambdaValue("c")));
        TickObject post = stream.property(slack, "post", List.of("http://a"));
        stream.property(post, "header", List.of("k", "v"));
        TickObject data = stream.property(post, "stateChangesOnly", List.of());
        assertInstanceOf(AlertDataRef.class, data);
        NodeDef out = chain(data, "httpOut", "e");
        assertEquals(List.of(out), alert.children());
        HandlerDef s = alert.handlers("slack").get(0);
        assertEquals("#x", s.stringValue("channel"));
        assertEquals(new LambdaValue("c"), alert.value("crit"));
        HandlerDef p = alert.handlers("post").get(0);
        assertEquals("http://a", p.stringValue("URL"));
        assertEquals(List.of(List.of("k", "v")), p.calls("header"));
        assertTrue(alert.has("stateChangesOnly"));
        assertEquals(21L, alert.value("history"));
    }

    @Test
    void singleListArgumentIsSpread() {
        NodeDef g = chain(chain(stream.source(), "from"), "groupBy", List.of("host", "cpu"));
        assertEquals(List.of("host", "cpu"), g.values("dimensions"));
        assertEquals(List.of("host", "cpu"), g.chainArgs());
    }

    @Test
    void udfNodesCheckTheirOptions() {
        NodeDef from = chain(stream.source(), "from");
        UdfInfo info = new UdfInfo("movingAvg", EdgeType.STREAM, EdgeType.BATCH,
            java.util.Map.of("field", List.of(ArgKind.STRING), "size", List.of(ArgKind.INT)));
        NodeDef udf = stream.udf(from, info);
        assertEquals("movingAvg2", udf.name());
        stream.property(udf, "field", List.of("value"));
        assertEquals(List.of(new UdfOption("field", List.of("value"))), udf.udfOptions());
        assertEquals("unexpected arg to size, got STRING expected INT",
            assertThrows(PipelineException.class, () -> stream.property(udf, "size", List.of("x"))).getMessage());
        assertEquals("unexpected number of args to size, got 2 expected 1",
            assertThrows(PipelineException.class, () -> stream.property(udf, "size", List.of(1L, 2L))).getMessage());
        assertEquals(EdgeType.BATCH, udf.provides());
    }

    @Test
    void sourceMustBeStreamOrBatch() {
        assertEquals("source edge type must be either Stream or Batch not noedge",
            assertThrows(PipelineException.class, () -> Pipeline.create(EdgeType.NO_EDGE)).getMessage());
    }

    @Test
    void goDurationText() {
        assertEquals("10s", GoDurations.format(10_000_000_000L));
        assertEquals("1m0s", GoDurations.format(60_000_000_000L));
        assertEquals("1h30m0s", GoDurations.format(5_400_000_000_000L));
        assertEquals("1.5s", GoDurations.format(1_500_000_000L));
        assertEquals("100ms", GoDurations.format(100_000_000L));
        assertEquals("0s", GoDurations.format(0));
        assertEquals("-2µs", GoDurations.format(-2_000L));
    }
}
