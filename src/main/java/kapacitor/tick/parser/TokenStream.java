package kapacitor.tick.parser;

import java.util.ArrayList;
import java.util.List;

import kapacitor.tick.ast.CommentNode;
import kapacitor.tick.ast.Position;
import kapacitor.tick.lexer.SourceText;
import kapacitor.tick.lexer.Token;
import kapacitor.tick.lexer.TokenType;

/**
 * Tokens for the parser with two tokens of look-ahead. Comment tokens never reach the parser: a run of them is folded
 * into a {@link CommentNode} remembered with the token that follows it, and a parse rule may claim it for the node it
 * builds from that token. Where a comment is claimed therefore follows Kapacitor's look-ahead slots exactly.
 */
final class TokenStream {
    /** What the stream answers once the lexer has stopped (Go's zero token from a closed channel). */
    private static final Token EXHAUSTED = new Token(TokenType.ERROR, 0, "");

    private final SourceText src;
    private final List<Token> tokens;
    private int index;
    private final Token[] slots = new Token[2];
    private final CommentNode[] comments = new CommentNode[2];
    private int peekCount;

    TokenStream(SourceText src, List<Token> tokens) {
        this.src = src;
        this.tokens = tokens;
    }

    private Token read() {
        return index < tokens.size() ? tokens.get(index++) : EXHAUSTED;
    }

    /** Reads the next non-comment token into slot 0, with the comment block that preceded it. */
    private void fill() {
        Token t = read();
        List<String> texts = new ArrayList<>();
        int commentPos = -1;
        while (t.type() == TokenType.COMMENT) {
            if (commentPos < 0) {
                commentPos = t.pos();
            }
            texts.add(t.value());
            t = read();
        }
        slots[0] = t;
        comments[0] = texts.isEmpty() ? null : CommentNode.fromTokens(position(commentPos), texts);
    }

    Token next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            fill();
        }
        return slots[peekCount];
    }

    void backup() {
        peekCount++;
    }

    Token peek() {
        if (peekCount > 0) {
            return slots[peekCount - 1];
        }
        peekCount = 1;
        slots[1] = slots[0];
        comments[1] = comments[0];
        fill();
        return slots[0];
    }

    /** Claims the comment that preceded the token last returned by {@link #next()}. */
    CommentNode consumeComment() {
        CommentNode c = comments[peekCount];
        comments[peekCount] = null;
        return c;
    }

    /** Unclaimed comment of a look-ahead slot; used at the end of a program. */
    CommentNode pendingComment(int slot) {
        return comments[slot];
    }

    Position position(int offset) {
        return new Position(offset, src.line(offset), src.column(offset));
    }
}
