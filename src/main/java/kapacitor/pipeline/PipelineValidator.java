package kapacitor.pipeline;

/**
 * Kapacitor's checks on a built pipeline. {@link #validate} is what Kapacitor runs when a task is defined (each
 * node's validate(), in walk order); {@link #checkEdges} is what it checks when a task starts and its nodes are
 * linked (mismatched edge types). Both throw {@link PipelineException} with Kapacitor's text.
 */
public final class PipelineValidator {

    private PipelineValidator() {
    }

    public static void validate(Pipeline p) {
        for (NodeDef n : p.sorted()) {
            String err = n.udf() != null ? null : n.spec().validate(n);
            if (err != null) {
                throw new PipelineException(err);
            }
        }
    }

    public static void checkEdges(Pipeline p) {
        for (NodeDef n : p.sorted()) {
            for (NodeDef parent : n.parents()) {
                checkEdge(parent, n);
            }
        }
    }

    private static void checkEdge(NodeDef parent, NodeDef child) {
        if (parent.spec() == NodeSpecs.get("batch")) {
            // The runtime's batch source has its own, shorter text.
            if (parent.provides() != child.wants()) {
                throw new PipelineException("cannot add child mismatched edges: " + parent.provides() + " -> "
                    + child.wants());
            }
            return;
        }
        String edge = parent.name() + ":" + parent.provides() + " -> " + child.name() + ":" + child.wants();
        if (parent.provides() != child.wants()) {
            throw new PipelineException("cannot add child mismatched edges: " + edge);
        }
        if (parent.provides() == EdgeType.NO_EDGE) {
            throw new PipelineException("cannot add child no edge expected: " + edge);
        }
    }
}
