package kapacitor.tick.ast;

import kapacitor.tick.lexer.TokenType;

/** A prefix {@code -} or {@code !}. */
public record UnaryNode(Position position, TokenType operator, Node node, CommentNode comment)
    implements CommentedNode {
    @Override
    public UnaryNode withComment(CommentNode comment) {
        return new UnaryNode(position, operator, node, comment);
    }
}
