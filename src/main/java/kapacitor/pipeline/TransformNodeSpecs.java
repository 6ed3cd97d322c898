package kapacitor.pipeline;

import static kapacitor.pipeline.ArgKind.ANY;
import static kapacitor.pipeline.ArgKind.ANY_LIST;
import static kapacitor.pipeline.ArgKind.BOOL;
import static kapacitor.pipeline.ArgKind.DURATION;
import static kapacitor.pipeline.ArgKind.INT;
import static kapacitor.pipeline.ArgKind.LAMBDA;
import static kapacitor.pipeline.ArgKind.LAMBDA_LIST;
import static kapacitor.pipeline.ArgKind.STRING;
import static kapacitor.pipeline.ArgKind.STRING_LIST;
import static kapacitor.pipeline.NodeSpec.EdgeRule.BATCH;
import static kapacitor.pipeline.NodeSpec.EdgeRule.PARENT;
import static kapacitor.pipeline.NodeSpec.EdgeRule.STREAM;

import java.util.List;

/** Nodes that reshape, filter or combine data. */
final class TransformNodeSpecs {

    private static final DurationValue SECOND = new DurationValue(1_000_000_000L);

    private TransformNodeSpecs() {
    }

    private static NodeSpec.Builder chain(String type, String goType, NodeSpec.EdgeRule wants,
                                          NodeSpec.EdgeRule provides) {
        return NodeSpec.node(type, goType, wants, provides).chains(CommonChains.CHAIN_METHODS).method("Quiet");
    }

    static List<NodeSpec> all() {
        return List.of(
            chain("where", "*pipeline.WhereNode", PARENT, PARENT)
                .field("Lambda", LAMBDA)
                .init((n, a) -> n.set("Lambda", a.get(0)))
                .build(),
            chain("groupby", "*pipeline.GroupByNode", PARENT, PARENT)
                .field("Dimensions", ANY_LIST)
                .variadic("Exclude", STRING)
                .method("ByMeasurement")
                .init((n, a) -> n.setList("Dimensions", a))
                .validator(n -> NodeValidators.dimensions(n.values("Dimensions"), n.values("Exclude")))
                .build(),
            chain("window", "*pipeline.WindowNode", STREAM, BATCH)
                .fields(DURATION, "Period", "Every")
                .method("Align")
                .method("FillPeriod")
                .fields(INT, "PeriodCount", "EveryCount")
                .guard(e -> e == EdgeType.STREAM ? null : "cannot Window batch edge")
                .validator(NodeValidators::window)
                .build(),
            chain("shift", "*pipeline.ShiftNode", PARENT, PARENT)
                .field("Shift", DURATION)
                .init((n, a) -> n.set("Shift", a.get(0)))
                .build(),
            chain("sample", "*pipeline.SampleNode", PARENT, PARENT)
                .field("N", INT)
                .field("Duration", DURATION)
                .init(TransformNodeSpecs::initSample)
                .build(),
            chain("default", "*pipeline.DefaultNode", PARENT, PARENT)
                .method("Field", STRING, ANY)
                .method("Tag", STRING, STRING)
                .validator(NodeValidators::defaults)
                .build(),
            chain("delete", "*pipeline.DeleteNode", PARENT, PARENT)
                .method("Field", STRING)
                .method("Tag", STRING)
                .build(),
            chain("eval", "*pipeline.EvalNode", PARENT, PARENT)
                .variadic("As", STRING)
                .variadic("Tags", STRING)
                .field("Lambdas", LAMBDA_LIST)
                .variadic("Keep", STRING)
                .field("KeepList", STRING_LIST)
                .init((n, a) -> n.setList("Lambdas", a))
                .validator(NodeValidators::eval)
                .build(),
            chain("flatten", "*pipeline.FlattenNode", PARENT, PARENT)
                .variadic("On", STRING)
                .field("Delimiter", STRING)
                .field("Tolerance", DURATION)
                .variadic("DropOriginalFieldName", BOOL)
                .init((n, a) -> n.set("Delimiter", "."))
                .build(),
            chain("combine", "*pipeline.CombineNode", PARENT, STREAM)
                .field("Lambdas", LAMBDA_LIST)
                .variadic("As", STRING)
                .field("Delimiter", STRING)
                .field("Tolerance", DURATION)
                .field("Max", INT)
                .init((n, a) -> {
                    n.setList("Lambdas", a);
                    n.set("Delimiter", ".");
                    n.set("Max", 1_000_000L);
                })
                .validator(NodeValidators::combine)
                .build(),
            chain("join", "*pipeline.JoinNode", PARENT, PARENT)
                .variadic("As", STRING)
                .variadic("On", STRING)
                .field("Delimiter", STRING)
                .field("DeleteAll", BOOL)
                .field("StreamName", STRING)
                .field("Tolerance", DURATION)
                .field("Fill", ANY)
                .init((n, a) -> n.set("Delimiter", "."))
                .validator(NodeValidators::join)
                .build(),
            chain("union", "*pipeline.UnionNode", PARENT, PARENT)
                .field("Rename", STRING)
                .build(),
            chain("state_duration", "*pipeline.StateDurationNode", PARENT, PARENT)
                .field("Lambda", LAMBDA)
                .field("As", STRING)
                .field("Unit", DURATION)
                .init((n, a) -> {
                    n.set("Lambda", a.get(0));
                    n.set("As", "state_duration");
                    n.set("Unit", SECOND);
                })
                .build(),
            chain("state_count", "*pipeline.StateCountNode", PARENT, PARENT)
                .field("Lambda", LAMBDA)
                .field("As", STRING)
                .init((n, a) -> {
                    n.set("Lambda", a.get(0));
                    n.set("As", "state_count");
                })
                .build(),
            chain("changeDetect", "*pipeline.ChangeDetectNode", PARENT, PARENT)
                .field("Fields", STRING_LIST)
                .init((n, a) -> n.setList("Fields", a))
                .build(),
            chain("derivative", "*pipeline.DerivativeNode", PARENT, PARENT)
                .field("Field", STRING)
                .field("As", STRING)
                .field("Unit", DURATION)
                .method("NonNegative")
                .init((n, a) -> {
                    n.set("Unit", SECOND);
                    n.set("Field", a.get(0));
                    n.set("As", a.get(0));
                })
                .build(),
            chain("barrier", "*pipeline.BarrierNode", PARENT, PARENT)
                .fields(DURATION, "Idle", "Period")
                .field("Delete", BOOL)
                .validator(NodeValidators::barrier)
                .build(),
            chain("log", "*pipeline.LogNode", PARENT, PARENT)
                .fields(STRING, "Level", "Prefix")
                .init((n, a) -> n.set("Level", "INFO"))
                .build(),
            chain("sideload", "*pipeline.SideloadNode", PARENT, PARENT)
                .field("Source", STRING)
                .variadic("Order", STRING)
                .method("Field", STRING, ANY)
                .method("Tag", STRING, STRING)
                .build(),
            chain("trickle", "*pipeline.TrickleNode", BATCH, STREAM)
                .guard(e -> e == EdgeType.BATCH ? null : "cannot Trickle stream edge")
                .build());
    }

    private static void initSample(NodeDef n, List<Object> args) {
        Object rate = args.get(0);
        if (rate instanceof Long) {
            n.set("N", rate);
        } else if (rate instanceof DurationValue) {
            n.set("Duration", rate);
        } else {
            throw new ChainPanic("must pass int64 or duration to new sample node");
        }
    }
}
