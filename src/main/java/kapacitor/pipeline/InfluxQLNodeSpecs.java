package kapacitor.pipeline;

import static kapacitor.pipeline.ArgKind.ANY_LIST;
import static kapacitor.pipeline.ArgKind.NODE;
import static kapacitor.pipeline.ArgKind.REDUCER;
import static kapacitor.pipeline.ArgKind.STRING;
import static kapacitor.pipeline.NodeSpec.EdgeRule.BATCH;
import static kapacitor.pipeline.NodeSpec.EdgeRule.PARENT;
import static kapacitor.pipeline.NodeSpec.EdgeRule.STREAM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The InfluxQL function nodes (Kapacitor's InfluxQLNode): one spec per function, since the node type name and the
 * provided edge depend on the function. The function's extra arguments are kept in the "Args" property in
 * Kapacitor's order.
 */
final class InfluxQLNodeSpecs {

    /** Functions taking only a field name. */
    static final List<String> SINGLE_FIELD = List.of("count", "distinct", "mean", "median", "mode", "spread", "sum",
        "first", "last", "min", "max", "stddev", "difference", "cumulativeSum");
    /** Registry key of holtWintersWithFit, whose node type is "holtWinters" as in Kapacitor. */
    static final String WITH_FIT_KEY = "holtWintersWithFit";

    private InfluxQLNodeSpecs() {
    }

    /** Specs keyed by registry name (the function's TICKscript name). */
    static Map<String, NodeSpec> all() {
        Map<String, NodeSpec> specs = new LinkedHashMap<>();
        for (String f : List.of("count", "mean", "median", "mode", "spread", "sum", "first", "last", "min", "max",
            "stddev")) {
            specs.put(f, spec(f, STREAM, false));
        }
        specs.put("distinct", spec("distinct", BATCH, false));
        specs.put("difference", spec("difference", PARENT, false));
        specs.put("cumulativeSum", spec("cumulativeSum", PARENT, false));
        specs.put("percentile", spec("percentile", STREAM, false));
        specs.put("top", spec("top", BATCH, false));
        specs.put("bottom", spec("bottom", BATCH, false));
        specs.put("elapsed", spec("elapsed", PARENT, false));
        specs.put("movingAverage", spec("movingAverage", PARENT, false));
        specs.put("holtWinters", spec("holtWinters", BATCH, false));
        specs.put(WITH_FIT_KEY, spec("holtWinters", BATCH, true));
        return specs;
    }

    private static NodeSpec spec(String method, NodeSpec.EdgeRule provides, boolean withFit) {
        return NodeSpec.node(method, "*pipeline.InfluxQLNode", PARENT, provides)
            .chains(CommonChains.CHAIN_METHODS)
            .fields(STRING, "Method", "Field", "As")
            .field("ReduceCreater", REDUCER)
            .method("UsePointTimes")
            .field("Reducer", NODE)
            .field("Args", ANY_LIST)
            .method("Quiet")
            .init((n, a) -> init(n, method, a, withFit))
            .build();
    }

    private static void init(NodeDef n, String method, List<Object> a, boolean withFit) {
        n.set("Method", method);
        n.set("Field", a.get(0));
        n.set("As", method);
        List<Object> extra = new ArrayList<>(a.subList(1, a.size()));
        if (method.equals("top") || method.equals("bottom")) {
            // Kapacitor's order: num, then the fields and tags; the field is the second chain argument.
            n.set("Field", a.get(1));
            extra = new ArrayList<>(a);
            extra.remove(1);
        }
        if (method.equals("holtWinters")) {
            extra.add(withFit);
            n.set("UsePointTimes");
        }
        if (!extra.isEmpty()) {
            n.setList("Args", extra);
        }
    }
}
