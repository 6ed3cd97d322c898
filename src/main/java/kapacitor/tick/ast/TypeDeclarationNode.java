package kapacitor.tick.ast;

/** {@code var node type}, a template variable declaration. */
public record TypeDeclarationNode(Position position, IdentifierNode node, IdentifierNode type, CommentNode comment)
    implements CommentedNode {
    @Override
    public TypeDeclarationNode withComment(CommentNode comment) {
        return new TypeDeclarationNode(position, node, type, comment);
    }
}
