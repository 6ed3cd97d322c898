package kapacitor.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registry of every Kapacitor node type and alert handler type. Node specs are keyed by Kapacitor's node
 * description ("window", "http_out", "groupby", "mean"...), which is also the DOT name prefix; the one exception
 * is "holtWintersWithFit", whose nodes are named "holtWinters" as in Kapacitor. Chaining methods name their
 * child's key, so {@code NodeSpecs.get(spec.chain("httpOut").childType())} finds the child spec.
 * UDF nodes have no fixed spec: see {@link #UDF}.
 */
public final class NodeSpecs {

    private static final Map<String, NodeSpec> NODES;
    private static final Map<String, NodeSpec> HANDLERS;

    /** Spec shared by UDF nodes: their options are checked against {@link UdfInfo}, not against this spec. */
    public static final NodeSpec UDF = NodeSpec.node("udf", "*pipeline.UDFNode",
            NodeSpec.EdgeRule.PARENT, NodeSpec.EdgeRule.PARENT)
        .chains(CommonChains.CHAIN_METHODS)
        .field("UDFName", ArgKind.STRING)
        .field("Options", ArgKind.UDF_OPTIONS)
        .method("Quiet")
        .build();

    static {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        SourceNodeSpecs.all().forEach(s -> nodes.put(s.type(), s));
        TransformNodeSpecs.all().forEach(s -> nodes.put(s.type(), s));
        nodes.putAll(InfluxQLNodeSpecs.all());
        OutputNodeSpecs.all().forEach(s -> nodes.put(s.type(), s));
        AlertNodeSpecs.nodes().forEach(s -> nodes.put(s.type(), s));
        NODES = Collections.unmodifiableMap(nodes);
        HANDLERS = Collections.unmodifiableMap(AlertNodeSpecs.handlers());
    }

    private NodeSpecs() {
    }

    /** The spec of a node type, or null. */
    public static NodeSpec get(String type) {
        return NODES.get(type);
    }

    /** The spec of an alert handler type ("slack", "post"...), or null. */
    public static NodeSpec handler(String type) {
        return HANDLERS.get(type);
    }

    public static Map<String, NodeSpec> all() {
        return NODES;
    }

    public static Map<String, NodeSpec> handlers() {
        return HANDLERS;
    }

    /** Kapacitor matches TICKscript names to Go names by upper-casing the first letter. */
    public static String goName(String tickName) {
        if (tickName.isEmpty()) {
            return tickName;
        }
        int first = tickName.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
            .append(tickName.substring(Character.charCount(first))).toString();
    }

    /** The usual TICKscript spelling of a Go name: first letter lower-cased. */
    public static String tickName(String goName) {
        if (goName.isEmpty()) {
            return goName;
        }
        return Character.toLowerCase(goName.charAt(0)) + goName.substring(1);
    }
}
