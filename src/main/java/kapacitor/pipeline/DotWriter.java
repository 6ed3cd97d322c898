package kapacitor.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's DOT renderings of a pipeline: the definition graph and the executing graph with statistics. */
public final class DotWriter {

    /** Live numbers of an executing task, supplied by the runtime. */
    public interface Stats {
        /** Points (stream) or batches per second collected by the source. */
        double throughput();

        /** A node's statistics (printed sorted by key): avg_exec_time_ns, errors, working_cardinality... */
        Map<String, String> nodeStats(NodeDef node);

        /** Items that went through the edge parent -> child. */
        long processed(NodeDef parent, NodeDef child);
    }

    private DotWriter() {
    }

    static String dot(Pipeline p, String name) {
        StringBuilder b = new StringBuilder("digraph ").append(name).append(" {\n");
        for (NodeDef n : p.sorted()) {
            if (isBatchSource(n)) {
                // Kapacitor leaves the batch source out: it is not a real edge.
                continue;
            }
            for (NodeDef c : n.children()) {
                b.append(n.name()).append(" -> ").append(c.name()).append(";\n");
            }
        }
        return b.append('}').toString();
    }

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /**
     * {@code %.2f}. Throughput is a count of points, a whole number, written without java.util.Formatter, which
     * costs more than the rest of the DOT (and its JIT compile on a fresh server).
     */
    static String twoDecimals(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO) {
            return (long) v + ".00";
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String executingDot(Pipeline p, String taskId, boolean labels, Stats stats) {
        String unit = p.sourceType() == EdgeType.BATCH ? "batches" : "points";
        String throughput = twoDecimals(stats.throughput());
        StringBuilder b = new StringBuilder("digraph ").append(taskId).append(" {\n").append("graph [");
        if (labels) {
            b.append("label=\"Throughput: ").append(throughput).append(' ').append(unit)
                .append("/s\" forcelabels=true pad=\"0.8,0.5\"");
        } else {
            b.append("throughput=\"").append(throughput).append(' ').append(unit).append("/s\"");
        }
        b.append("];\n");
        List<NodeDef> order = p.sorted();
        Map<NodeDef, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        for (NodeDef n : order) {
            if (isBatchSource(n)) {
                continue;
            }
            Map<String, String> sorted = new TreeMap<>(stats.nodeStats(n));
            // The runtime links children while walking, so its edges follow walk order, not creation order.
            List<NodeDef> children = n.children().stream().sorted((x, y) -> index.get(x) - index.get(y)).toList();
            if (labels) {
                b.append('\n').append(n.name()).append(" [xlabel=\"");
                boolean first = true;
                for (Map.Entry<String, String> e : sorted.entrySet()) {
                    if (!first) {
                        // A literal \r: right-justified line break in graphviz.
                        b.append("\\r");
                    }
                    first = false;
                    b.append(e.getKey()).append('=').append(e.getValue());
                }
                b.append("\"];\n");
                for (NodeDef c : children) {
                    b.append(n.name()).append(" -> ").append(c.name()).append(" [label=\"processed=")
                        .append(stats.processed(n, c)).append("\"];\n");
                }
            } else {
                b.append('\n').append(n.name()).append(" [");
                sorted.forEach((k, v) -> b.append(k).append("=\"").append(v).append("\" "));
                b.append("];\n");
                for (NodeDef c : children) {
                    b.append(n.name()).append(" -> ").append(c.name()).append(" [processed=\"")
                        .append(stats.processed(n, c)).append("\"];\n");
                }
            }
        }
        return b.append('}').toString();
    }

    private static boolean isBatchSource(NodeDef n) {
        return n.spec() == NodeSpecs.get("batch");
    }
}
