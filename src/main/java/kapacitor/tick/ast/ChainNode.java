package kapacitor.tick.ast;

import kapacitor.tick.lexer.TokenType;

/** A {@code |}, {@code .} or {@code @} step applied to {@code left}; the position is the operator's. */
public record ChainNode(Position position, TokenType operator, Node left, Node right, CommentNode comment)
    implements CommentedNode {
    @Override
    public ChainNode withComment(CommentNode comment) {
        return new ChainNode(position, operator, left, right, comment);
    }
}
