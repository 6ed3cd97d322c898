package kapacitor.tick.ast;

/** {@code TRUE} or {@code FALSE}. */
public record BoolNode(Position position, boolean value, CommentNode comment) implements CommentedNode {
    @Override
    public BoolNode withComment(CommentNode comment) {
        return new BoolNode(position, value, comment);
    }
}
