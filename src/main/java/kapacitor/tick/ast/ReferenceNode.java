package kapacitor.tick.ast;

/** A double quoted field or tag reference, unescaped. */
public record ReferenceNode(Position position, String reference, CommentNode comment) implements CommentedNode {
    /** Builds the node from the lexer's token text, double quotes included. */
    public static ReferenceNode fromToken(Position position, String tokenText, CommentNode comment) {
        return new ReferenceNode(position, Unescape.escaped(tokenText.substring(1, tokenText.length() - 1), '"'),
            comment);
    }

    @Override
    public ReferenceNode withComment(CommentNode comment) {
        return new ReferenceNode(position, reference, comment);
    }
}
