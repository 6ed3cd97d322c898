package kapacitor.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {

    private final Pipeline p = Pipeline.create(EdgeType.STREAM);
    private final NodeDef from = (NodeDef) p.chain(p.source(), "from", List.of());

    private NodeDef chain(TickObject o, String name, Object... args) {
        return (NodeDef) p.chain(o, name, List.of(args));
    }

    private void set(TickObject o, String name, Object... args) {
        p.property(o, name, List.of(args));
    }

    private String validationError() {
        return assertThrows(PipelineException.class, () -> PipelineValidator.validate(p)).getMessage();
    }

    @Test
    void validPipelinePasses() {
        NodeDef w = chain(from, "window");
        set(w, "period", new DurationValue(10));
        set(w, "every", new DurationValue(10));
        chain(w, "mean", "value");
        assertDoesNotThrow(() -> PipelineValidator.validate(p));
        assertDoesNotThrow(() -> PipelineValidator.checkEdges(p));
    }

    @Test
    void windowRules() {
        NodeDef w = chain(from, "window");
        set(w, "periodCount", 10L);
        assertEquals("everyCount must be greater than zero", validationError());
        set(w, "period", new DurationValue(1));
        assertEquals("cannot specify both period and periodCount", validationError());
    }

    @Test
    void joinRules() {
        NodeDef other = chain(p.source(), "from");
        NodeDef join = (NodeDef) p.chain(from, "join", List.of(other));
        assertEquals("a call to join.as() is required to specify the output stream prefixes.", validationError());
        set(join, "as", "a");
        assertEquals("number of prefixes specified by join.as() must match the number of joined streams",
            validationError());
        set(join, "as", "a.b", "c");
        assertEquals("cannot use name a.b as field prefix, it contains the delimiter \".\"\t", validationError());
        set(join, "as", "a", "a");
        assertEquals("cannot use the same prefix name see .as() property method", validationError());
        set(join, "as", "a", "b");
        assertDoesNotThrow(() -> PipelineValidator.validate(p));
    }

    /** Builds on a fresh pipeline (stream0 -> from1) and returns the validation error. */
    private static String errorFor(Consumer<Case> build) {
        Case c = new Case(Pipeline.create(EdgeType.STREAM));
        build.accept(c);
        return assertThrows(PipelineException.class, () -> PipelineValidator.validate(c.p)).getMessage();
    }

    private record Case(Pipeline p, NodeDef from) {
        Case(Pipeline p) {
            this(p, (NodeDef) p.chain(p.source(), "from", List.of()));
        }

        TickObject chain(TickObject o, String name, Object... args) {
            return p.chain(o, name, List.of(args));
        }

        TickObject set(TickObject o, String name, Object... args) {
            return p.property(o, name, List.of(args));
        }
    }

    @Test
    void nodeRules() {
        assertEquals("must specify same number of expressions and .as() names: got 0 as names, and 1 expressions.",
            errorFor(c -> c.chain(c.from, "eval", new LambdaValue("x"))));
        assertEquals("cannot group by both '*' and named dimensions.",
            errorFor(c -> c.chain(c.from, "groupBy", "a", Star.INSTANCE)));
        assertEquals("exclude requires '*'", errorFor(c -> c.set(c.chain(c.from, "groupBy", "a"), "exclude", "b")));
        assertEquals("dimensions cannot not be the empty string", errorFor(c -> c.chain(c.from, "groupBy", "")));
        assertEquals("invalid dimension object of type int64", errorFor(c -> c.set(c.from, "groupBy", 1L)));
        assertEquals("idle must be greater than zero", errorFor(c -> c.chain(c.from, "barrier")));
        assertEquals("must provide url or endpoint", errorFor(c -> c.chain(c.from, "httpPost")));
        assertEquals("httpPost expects 0 or 1 arguments, got 2", errorFor(c -> c.chain(c.from, "httpPost", "a", "b")));
        assertEquals("must specify a database", errorFor(c -> c.chain(c.from, "kapacitorLoopback")));
        assertEquals("must provide a replicas lambda expression",
            errorFor(c -> c.set(c.chain(c.from, "k8sAutoscale"), "resourceName", "r")));
        assertEquals("must specify exactly one of ServiceName or ServiceNameTag",
            errorFor(c -> c.chain(c.from, "swarmAutoscale")));
        assertEquals("a call to combine.as() is required to specify the output stream prefixes.",
            errorFor(c -> c.chain(c.from, "combine", new LambdaValue("a"), new LambdaValue("b"))));
        assertEquals("unsupported type *ast.LambdaNode for field \"f\", field default values must be "
            + "float,int,string or bool", errorFor(c -> c.set(c.chain(c.from, "default"), "field", "f",
                new LambdaValue("x"))));
        assertEquals("invalid SNMP trap \"1.2\": unsupported data type \"x\" for data entry \"1.2.1\"",
            errorFor(c -> c.set(c.set(c.chain(c.from, "alert"), "snmpTrap", "1.2"), "data", "1.2.1", "x", "v")));
        assertEquals("invalid post: cannot set 'authenticate' header",
            errorFor(c -> c.set(c.set(c.chain(c.from, "alert"), "post"), "header", "Authenticate", "x")));
    }

    @Test
    void edgeChecksAtStart() {
        NodeDef window = chain(from, "window");
        p.chain(window, "union", List.of(from));
        assertDoesNotThrow(() -> PipelineValidator.validate(p));
        assertEquals("cannot add child mismatched edges: from1:stream -> union4:batch",
            assertThrows(PipelineException.class, () -> PipelineValidator.checkEdges(p)).getMessage());
    }

    @Test
    void statsOnAnOutputLeafGivesANoEdgeChild() {
        NodeDef out = chain(from, "influxDBOut");
        chain(out, "stats", new DurationValue(1));
        assertEquals("cannot add child no edge expected: influxdb_out2:noedge -> noop4:noedge",
            assertThrows(PipelineException.class, () -> PipelineValidator.checkEdges(p)).getMessage());
    }

    @Test
    void batchSourceEdges() {
        Pipeline b = Pipeline.create(EdgeType.BATCH);
        NodeDef q = (NodeDef) b.chain(b.source(), "query", List.of("q"));
        b.chain(q, "derivative", List.of("f"));
        assertDoesNotThrow(() -> PipelineValidator.checkEdges(b));
    }
}
