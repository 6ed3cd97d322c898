package kapacitor.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One node of a {@link Pipeline}: its type, id, edges, property values and (for alerts) handlers. */
public final class NodeDef extends PropertyHolder {

    private final NodeSpec spec;
    private final String type;
    private final EdgeType wants;
    private final EdgeType provides;
    private final List<Object> chainArgs;
    private final List<NodeDef> parents = new ArrayList<>();
    private final List<NodeDef> children = new ArrayList<>();
    private final List<HandlerDef> handlers = new ArrayList<>();
    private final UdfInfo udf;
    private final List<UdfOption> udfOptions = new ArrayList<>();
    private int id;

    NodeDef(NodeSpec spec, String type, EdgeType wants, EdgeType provides, List<Object> chainArgs, UdfInfo udf) {
        this.spec = spec;
        this.type = type;
        this.wants = wants;
        this.provides = provides;
        this.chainArgs = List.copyOf(chainArgs);
        this.udf = udf;
    }

    @Override
    public NodeDef node() {
        return this;
    }

    @Override
    public String goType() {
        return spec.goType();
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }

    /** Kapacitor's node description (DOT name prefix): "window", "http_out", "mean", a UDF's name... */
    public String type() {
        return type;
    }

    public int id() {
        return id;
    }

    void id(int id) {
        this.id = id;
    }

    /** Kapacitor's node name: type followed by id, e.g. {@code window2}. */
    public String name() {
        return type + id;
    }

    public EdgeType wants() {
        return wants;
    }

    public EdgeType provides() {
        return provides;
    }

    public List<NodeDef> parents() {
        return Collections.unmodifiableList(parents);
    }

    public List<NodeDef> children() {
        return Collections.unmodifiableList(children);
    }

    /** Arguments of the chaining method that created the node, as given (after list spreading). */
    public List<Object> chainArgs() {
        return chainArgs;
    }

    /** Alert handlers in creation order (alert nodes only). */
    public List<HandlerDef> handlers() {
        return Collections.unmodifiableList(handlers);
    }

    public List<HandlerDef> handlers(String handlerType) {
        return handlers.stream().filter(h -> h.type().equals(handlerType)).toList();
    }

    /** The UDF description, for nodes created with {@code @name()}; null otherwise. */
    public UdfInfo udf() {
        return udf;
    }

    /** Options set on a UDF node, in call order. */
    public List<UdfOption> udfOptions() {
        return Collections.unmodifiableList(udfOptions);
    }

    void addUdfOption(UdfOption o) {
        udfOptions.add(o);
    }

    /** For stats nodes: the node whose statistics are emitted. */
    public NodeDef sourceNode() {
        return value("SourceNode", NodeDef.class);
    }

    public boolean isQuiet() {
        return has("Quiet");
    }

    void addParent(NodeDef p) {
        parents.add(p);
    }

    void addChild(NodeDef c) {
        children.add(c);
    }

    void addHandler(HandlerDef h) {
        handlers.add(h);
    }

    @Override
    public String toString() {
        return name();
    }
}
