package kapacitor.tick.ast;

/** A bare identifier. */
public record IdentifierNode(Position position, String ident, CommentNode comment) implements CommentedNode {
    @Override
    public IdentifierNode withComment(CommentNode comment) {
        return new IdentifierNode(position, ident, comment);
    }
}
