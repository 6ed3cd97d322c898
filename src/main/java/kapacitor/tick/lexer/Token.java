package kapacitor.tick.lexer;

/**
 * One lexed token. {@code pos} is the byte offset of its first byte in the UTF-8 encoded script, as Kapacitor
 * counts positions; {@code value} is the source text (or the message, for an {@link TokenType#ERROR} token).
 */
public record Token(TokenType type, int pos, String value) {
}
