package kapacitor.pipeline;

import static kapacitor.pipeline.ArgKind.ANY;
import static kapacitor.pipeline.ArgKind.DURATION;
import static kapacitor.pipeline.ArgKind.LAMBDA;
import static kapacitor.pipeline.ArgKind.NODE;
import static kapacitor.pipeline.ArgKind.STRING;
import static kapacitor.pipeline.NodeSpec.EdgeRule.BATCH;
import static kapacitor.pipeline.NodeSpec.EdgeRule.NONE;
import static kapacitor.pipeline.NodeSpec.EdgeRule.PARENT;
import static kapacitor.pipeline.NodeSpec.EdgeRule.STREAM;

import java.util.List;
import java.util.Map;

/** Sources and source selectors: stream, from, batch, query, queryFlux, plus stats and noop. */
final class SourceNodeSpecs {

    private SourceNodeSpecs() {
    }

    static List<NodeSpec> all() {
        return List.of(
            NodeSpec.node("stream", "*pipeline.StreamNode", STREAM, STREAM)
                .chains(Map.of("From", CommonChains.child("From", "from", false)))
                .chains(CommonChains.NODE_METHODS)
                .method("Quiet")
                .build(),
            NodeSpec.node("from", "*pipeline.FromNode", STREAM, STREAM)
                .chains(CommonChains.chainNodePlus(CommonChains.child("From", "from", false)))
                // where() on from ANDs with earlier where() calls: every call is kept, the runtime combines them.
                .method("Where", LAMBDA)
                .variadic("GroupBy", ANY)
                .method("GroupByMeasurement")
                .fields(STRING, "Database", "RetentionPolicy", "Measurement")
                .fields(DURATION, "Truncate", "Round")
                .method("Quiet")
                .validator(n -> NodeValidators.dimensions(n.values("GroupBy"), List.of()))
                .build(),
            NodeSpec.node("batch", "*pipeline.BatchNode", NONE, BATCH)
                .chains(Map.of(
                    "Query", CommonChains.child("Query", "query", false, STRING),
                    "QueryFlux", CommonChains.child("QueryFlux", "queryFlux", false, STRING)))
                .chains(CommonChains.NODE_METHODS)
                .method("Quiet")
                .build(),
            NodeSpec.node("query", "*pipeline.QueryNode", BATCH, BATCH)
                .chains(CommonChains.CHAIN_METHODS)
                .field("QueryStr", STRING)
                .fields(DURATION, "Period", "Every")
                .method("Align")
                .field("Cron", STRING)
                .field("Offset", DURATION)
                .method("AlignGroup")
                .variadic("GroupBy", ANY)
                .method("GroupByMeasurement")
                .field("Fill", ANY)
                .field("Cluster", STRING)
                .method("Quiet")
                .init((n, a) -> n.set("QueryStr", a.get(0)))
                .build(),
            NodeSpec.node("queryFlux", "*pipeline.QueryFluxNode", BATCH, BATCH)
                .chains(CommonChains.CHAIN_METHODS)
                .field("QueryStr", STRING)
                .fields(DURATION, "Period", "Every")
                .method("Align")
                .field("Cron", STRING)
                .field("Offset", DURATION)
                .fields(STRING, "Cluster", "Org", "OrgID")
                .method("Quiet")
                .init((n, a) -> n.set("QueryStr", a.get(0)))
                .build(),
            NodeSpec.node("stats", "*pipeline.StatsNode", STREAM, STREAM)
                .chains(CommonChains.CHAIN_METHODS)
                .field("SourceNode", NODE)
                .field("Interval", DURATION)
                .method("Align")
                .method("Quiet")
                .build(),
            NodeSpec.node("noop", "*pipeline.NoOpNode", PARENT, PARENT)
                .chains(CommonChains.CHAIN_METHODS)
                .method("Quiet")
                .build());
    }
}
