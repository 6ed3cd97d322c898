package kapacitor.tick.ast;

/** {@code var left = right}. */
public record DeclarationNode(Position position, IdentifierNode left, Node right, CommentNode comment)
    implements CommentedNode {
    @Override
    public DeclarationNode withComment(CommentNode comment) {
        return new DeclarationNode(position, left, right, comment);
    }
}
