package kapacitor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotWriterTest {

    /** Fixed statistics: every node has the three standard stats, edge counts are child id * 10. */
    private static final class FixedStats implements DotWriter.Stats {
        @Override
        public double throughput() {
            return 0.0;
        }

        @Override
        public Map<String, String> nodeStats(NodeDef node) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("working_cardinality", "0");
            m.put("errors", "0");
            m.put("avg_exec_time_ns", "0s");
            return m;
        }

        @Override
        public long processed(NodeDef parent, NodeDef child) {
            return child.id() * 10L;
        }
    }

    @Test
    void throughputHasTwoDecimalsAsPercentDotTwoF() {
        for (double v : new double[] {0, -0.0, 1, 42, -5, 1e14, 1e16, 0.125, 1.005, 2.5, Double.NaN,
            Double.POSITIVE_INFINITY}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", v), DotWriter.twoDecimals(v), "value " + v);
        }
    }

    @Test
    void attributesViewAsInKapacitorServerTests() {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        p.chain(p.source(), "from", List.of());
        String expected = "digraph testTaskID {\n"
            + "graph [throughput=\"0.00 points/s\"];\n"
            + "\n"
            + "stream0 [avg_exec_time_ns=\"0s\" errors=\"0\" working_cardinality=\"0\" ];\n"
            + "stream0 -> from1 [processed=\"10\"];\n"
            + "\n"
            + "from1 [avg_exec_time_ns=\"0s\" errors=\"0\" working_cardinality=\"0\" ];\n"
            + "}";
        assertEquals(expected, p.executingDot("testTaskID", false, new FixedStats()));
    }

    @Test
    void labelsViewOfABatchTask() {
        Pipeline p = Pipeline.create(EdgeType.BATCH);
        TickObject q = p.chain(p.source(), "query", List.of("q"));
        p.chain(q, "log", List.of());
        String expected = "digraph t {\n"
            + "graph [label=\"Throughput: 0.00 batches/s\" forcelabels=true pad=\"0.8,0.5\"];\n"
            + "\n"
            + "query1 [xlabel=\"avg_exec_time_ns=0s\\rerrors=0\\rworking_cardinality=0\"];\n"
            + "query1 -> log2 [label=\"processed=20\"];\n"
            + "\n"
            + "log2 [xlabel=\"avg_exec_time_ns=0s\\rerrors=0\\rworking_cardinality=0\"];\n"
            + "}";
        assertEquals(expected, p.executingDot("t", true, new FixedStats()));
    }

    @Test
    void executingEdgesFollowWalkOrder() {
        Pipeline p = Pipeline.create(EdgeType.STREAM);
        TickObject from = p.chain(p.source(), "from", List.of());
        p.chain(from, "log", List.of());
        p.chain(from, "where", List.of(new LambdaValue("x")));
        // Definition DOT keeps creation order; the runtime links children in walk order (where3 before log2).
        assertEquals("digraph t {\nstream0 -> from1;\nfrom1 -> log2;\nfrom1 -> where3;\n}", p.dot("t"));
        String dot = p.executingDot("t", false, new FixedStats());
        assertTrue(dot.contains("from1 -> where3 [processed=\"30\"];\nfrom1 -> log2 [processed=\"20\"];\n"));
    }
}
