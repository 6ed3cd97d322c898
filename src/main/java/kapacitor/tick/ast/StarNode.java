package kapacitor.tick.ast;

/** A standalone {@code *}. */
public record StarNode(Position position, CommentNode comment) implements CommentedNode {
    @Override
    public StarNode withComment(CommentNode comment) {
        return new StarNode(position, comment);
    }
}
