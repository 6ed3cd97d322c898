package kapacitor.pipeline;

/**
 * What alert property methods such as {@code .all()} or {@code .stateChangesOnly()} evaluate to in Kapacitor
 * ({@code *pipeline.AlertNodeData}): the same alert, with a different type name in error texts.
 */
public record AlertDataRef(NodeDef node) implements TickObject {

    public static final String GO_TYPE = "*pipeline.AlertNodeData";

    @Override
    public String goType() {
        return GO_TYPE;
    }

    @Override
    public NodeSpec spec() {
        return node.spec();
    }
}
