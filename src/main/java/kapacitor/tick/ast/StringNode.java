package kapacitor.tick.ast;

/** A string literal: unescaped for single quotes, raw for triple quotes. */
public record StringNode(Position position, String literal, boolean tripleQuotes, CommentNode comment)
    implements CommentedNode {
    /** Builds the node from the lexer's token text, quotes included. */
    public static StringNode fromToken(Position position, String tokenText, CommentNode comment) {
        if (tokenText.length() >= 6 && tokenText.startsWith("'''")) {
            return new StringNode(position, tokenText.substring(3, tokenText.length() - 3), true, comment);
        }
        String inner = tokenText.substring(1, tokenText.length() - 1);
        return new StringNode(position, Unescape.escaped(inner, tokenText.charAt(0)), false, comment);
    }

    @Override
    public StringNode withComment(CommentNode comment) {
        return new StringNode(position, literal, tripleQuotes, comment);
    }
}
