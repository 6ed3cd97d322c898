package kapacitor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeSpecsTest {

    @ParameterizedTest
    @ValueSource(strings = {"stream", "batch", "from", "query", "queryFlux", "where", "groupby", "window", "shift",
        "sample", "default", "delete", "eval", "flatten", "combine", "join", "union", "state_duration", "state_count",
        "changeDetect", "derivative", "barrier", "log", "noop", "stats", "http_out", "http_post",
        "kapacitor_loopback", "sideload", "influxdb_out", "alert", "trickle", "k8s_autoscale", "swarm_autoscale",
        "ec2_autoscale", "count", "distinct", "mean", "median", "mode", "spread", "sum", "first", "last", "min", "max",
        "percentile", "top", "bottom", "stddev", "difference", "cumulativeSum", "movingAverage", "elapsed",
        "holtWinters", "holtWintersWithFit"})
    void everyNodeTypeIsRegistered(String type) {
        NodeSpec spec = NodeSpecs.get(type);
        assertNotNull(spec, type);
        assertTrue(spec.hasProperty("quiet"), type + " has quiet");
        assertTrue(spec.hasChain("stats") && spec.hasChain("deadman"), type + " has stats/deadman");
        // Every chaining method names a registered child type.
        spec.chains().values().forEach(c -> assertNotNull(NodeSpecs.get(c.childType()), c.goName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"post", "tcp", "email", "exec", "log", "victorOps", "pagerDuty", "pagerDuty2", "pushover",
        "sensu", "slack", "telegram", "hipChat", "alerta", "opsGenie", "opsGenie2", "talk", "mqtt", "snmpTrap",
        "kafka", "bigPanda", "teams", "serviceNow", "zenoss", "discord"})
    void everyAlertHandlerIsAnAlertPropertyAndHasTheAlertProperties(String handler) {
        PropertySpec p = NodeSpecs.get("alert").property(handler);
        assertEquals(PropertySpec.Returns.HANDLER, p.returns());
        assertEquals(handler, p.handler());
        NodeSpec h = NodeSpecs.handler(handler);
        assertTrue(h.isHandler());
        assertTrue(h.hasProperty("crit"));
        assertTrue(h.hasChain("httpOut"));
    }

    @Test
    void handlerOwnPropertiesShadowTheAlertOnes() {
        NodeSpec slack = NodeSpecs.handler("slack");
        assertEquals("*pipeline.SlackHandler", slack.goType());
        assertTrue(slack.property("channel").field());
        assertEquals(List.of(ArgKind.STRING), slack.property("iconEmoji").params());
        // MQTT's own Topic field and the alert's Topic field share a name: the handler's wins.
        assertSame(NodeSpecs.handler("mqtt").property("topic"), NodeSpecs.handler("mqtt").property("Topic"));
        assertFalse(NodeSpecs.handler("opsGenie2").property("details").field());
        assertTrue(NodeSpecs.get("alert").property("details").field());
        assertEquals("*pipeline.AlertHTTPPostHandler", NodeSpecs.handler("post").goType());
        assertTrue(NodeSpecs.handler("pushover").hasProperty("URL"));
        assertFalse(NodeSpecs.handler("pushover").hasProperty("url"));
    }

    @Test
    void windowSpecMatchesKapacitor() {
        NodeSpec w = NodeSpecs.get("window");
        assertEquals("*pipeline.WindowNode", w.goType());
        assertEquals(EdgeType.STREAM, w.wants().fixed());
        assertEquals(EdgeType.BATCH, w.provides().fixed());
        assertEquals(List.of(ArgKind.DURATION), w.property("period").params());
        assertTrue(w.property("every").field());
        assertEquals(List.of(), w.property("align").params());
        assertFalse(w.property("fillPeriod").field());
        assertEquals(List.of(ArgKind.INT), w.property("periodCount").params());
    }

    @Test
    void propertiesAndChainsAreSeparateNameSpaces() {
        NodeSpec alert = NodeSpecs.get("alert");
        assertTrue(alert.hasProperty("log") && alert.hasChain("log"));
        NodeSpec from = NodeSpecs.get("from");
        assertTrue(from.hasProperty("where") && from.hasChain("where"));
        assertTrue(from.hasProperty("groupBy") && from.hasChain("groupBy"));
        assertTrue(NodeSpecs.get("query").hasProperty("groupBy") && NodeSpecs.get("query").hasChain("groupBy"));
        assertTrue(NodeSpecs.get("barrier").hasProperty("delete") && NodeSpecs.get("barrier").hasChain("delete"));
    }

    @Test
    void edgesAndChainsOfSpecialNodes() {
        assertEquals(EdgeType.NO_EDGE, NodeSpecs.get("batch").wants().fixed());
        assertEquals(EdgeType.NO_EDGE, NodeSpecs.get("influxdb_out").provides().fixed());
        assertFalse(NodeSpecs.get("influxdb_out").hasChain("window"));
        assertFalse(NodeSpecs.get("stream").hasChain("window"));
        assertTrue(NodeSpecs.get("stream").hasChain("from"));
        assertTrue(NodeSpecs.get("batch").hasChain("query") && NodeSpecs.get("batch").hasChain("queryFlux"));
        assertEquals(EdgeType.STREAM, NodeSpecs.get("mean").provides().fixed());
        assertEquals(EdgeType.BATCH, NodeSpecs.get("top").provides().fixed());
        assertNull(NodeSpecs.get("difference").provides().fixed());
        assertEquals(EdgeType.STREAM, NodeSpecs.get("combine").provides().fixed());
        assertEquals(EdgeType.STREAM, NodeSpecs.get("k8s_autoscale").provides().fixed());
        assertEquals("holtWinters", NodeSpecs.get("holtWintersWithFit").type());
        ChainSpec top = NodeSpecs.get("from").chain("top");
        assertEquals(List.of(ArgKind.INT, ArgKind.STRING, ArgKind.STRING), top.params());
        assertTrue(top.variadic());
        assertEquals("http_out", NodeSpecs.get("from").chain("httpOut").childType());
    }
}
