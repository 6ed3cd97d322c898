package kapacitor.tick.ast;

/**
 * A regex literal. {@code literal} is the source text between the slashes (escaped slashes kept, as the formatter
 * prints it); {@code pattern} is the regular expression itself, with {@code \/} turned into {@code /}. The pattern
 * uses Go RE2 syntax; compiling it is left to the expression layer.
 */
public record RegexNode(Position position, String literal, String pattern, CommentNode comment)
    implements CommentedNode {
    /** Builds the node from the lexer's token text, slashes included. */
    public static RegexNode fromToken(Position position, String tokenText, CommentNode comment) {
        String literal = tokenText.substring(1, tokenText.length() - 1);
        return new RegexNode(position, literal, Unescape.escaped(literal, '/'), comment);
    }

    @Override
    public RegexNode withComment(CommentNode comment) {
        return new RegexNode(position, literal, pattern, comment);
    }
}
