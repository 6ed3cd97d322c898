package kapacitor.tick.parser;

import kapacitor.tick.ast.Position;

/**
 * A TICKscript that does not parse. The message is Kapacitor's text, starting with {@code "parser: "}; for
 * unexpected tokens it names the line and char, e.g.
 * {@code parser: unexpected EOF line 4 char 9 in "var b = ". expected: "number",...}.
 */
public final class TickSyntaxException extends RuntimeException {
    private final transient Position position;

    public TickSyntaxException(String message, Position position) {
        super(message);
        this.position = position;
    }

    /** Where the offending token or literal starts. */
    public Position position() {
        return position;
    }

    public int line() {
        return position.line();
    }

    /** Kapacitor's "char" of the offending token. */
    public int column() {
        return position.column();
    }
}
