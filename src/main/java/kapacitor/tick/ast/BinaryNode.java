package kapacitor.tick.ast;

import kapacitor.tick.lexer.TokenType;

/**
 * {@code left operator right}; the position is the operator's. {@code parens} is set when the source wrapped the
 * expression in parentheses and {@code multiLine} when a newline separated the operands; both shape formatting only.
 */
public record BinaryNode(Position position, TokenType operator, Node left, Node right, boolean parens,
                         boolean multiLine, CommentNode comment) implements CommentedNode {
    @Override
    public BinaryNode withComment(CommentNode comment) {
        return new BinaryNode(position, operator, left, right, parens, multiLine, comment);
    }

    public BinaryNode withParens() {
        return new BinaryNode(position, operator, left, right, true, multiLine, comment);
    }
}
