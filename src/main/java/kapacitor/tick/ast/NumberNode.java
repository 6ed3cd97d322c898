package kapacitor.tick.ast;

/**
 * An unsigned number literal: an integer (decimal, or octal when written with a leading 0) or a float.
 * Negative numbers are a {@link UnaryNode} around a number.
 */
public record NumberNode(Position position, boolean isInt, long intValue, double floatValue, int base,
                         CommentNode comment) implements CommentedNode {
    /** Parses the lexer's number text the way Kapacitor does. */
    public static NumberNode parse(Position position, String text, CommentNode comment) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("invalid number literal, empty string");
        }
        boolean ascii = text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        if (ascii && text.indexOf('.') >= 0) {
            try {
                double value = Double.parseDouble(text);
                if (!Double.isInfinite(value)) {
                    return new NumberNode(position, false, 0, value, 0, comment);
                }
            } catch (NumberFormatException e) {
                // falls through to the syntax error
            }
        } else if (ascii) {
            int base = text.charAt(0) == '0' && text.length() > 1 ? 8 : 10;
            try {
                return new NumberNode(position, true, Long.parseLong(text, base), 0, base, comment);
            } catch (NumberFormatException e) {
                // falls through to the syntax error
            }
        }
        throw new IllegalArgumentException("illegal number syntax: \"" + text + "\"");
    }

    @Override
    public NumberNode withComment(CommentNode comment) {
        return new NumberNode(position, isInt, intValue, floatValue, base, comment);
    }
}
