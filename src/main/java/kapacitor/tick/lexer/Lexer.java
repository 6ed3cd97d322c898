package kapacitor.tick.lexer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * TICKscript lexer with Kapacitor's decisions. Some choices depend on what came before: after an operand
 * (identifier, literal, closing parenthesis) binary operators are recognised, elsewhere {@code -} and {@code !} are
 * unary and {@code /} opens a regex; a regex is also expected after {@code =}, {@code =~} and {@code !~}.
 * Lexing stops at the end of input ({@link TokenType#EOF}) or at the first error ({@link TokenType#ERROR}).
 */
public final class Lexer {
    private static final int END = -1;
    private static final String DURATION_UNITS = "uµsmhdw";
    private static final Map<String, TokenType> KEYWORDS = Map.of(
        "AND", TokenType.AND,
        "OR", TokenType.OR,
        "TRUE", TokenType.TRUE,
        "FALSE", TokenType.FALSE,
        "var", TokenType.VAR,
        "dbrp", TokenType.DBRP,
        "lambda", TokenType.LAMBDA);

    /** What the lexer looks for next. */
    private enum Mode { TOKEN, AFTER_OPERAND, REGEX, DONE }

    private final SourceText src;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int pos;
    private int width;

    private Lexer(SourceText src) {
        this.src = src;
    }

    /** All tokens of {@code text}, ending with an EOF or ERROR token. */
    public static List<Token> tokenize(String text) {
        return tokenize(new SourceText(text));
    }

    public static List<Token> tokenize(SourceText src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return Collections.unmodifiableList(lexer.tokens);
    }

    private void run() {
        Mode mode = Mode.TOKEN;
        while (mode != Mode.DONE) {
            switch (mode) {
                case TOKEN:
                    mode = lexToken();
                    break;
                case AFTER_OPERAND:
                    mode = lexBinaryOperator();
                    break;
                default:
                    mode = lexRegex();
                    break;
            }
        }
    }

    // ---- reading primitives (positions are byte offsets)

    private int next() {
        if (pos >= src.length()) {
            width = 0;
            return END;
        }
        long decoded = src.decode(pos);
        width = (int) (decoded >>> 32);
        pos += width;
        return (int) decoded;
    }

    private void backup() {
        pos -= width;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void ignore() {
        start = pos;
    }

    private void ignoreSpace() {
        while (isSpace(next())) {
            ignore();
        }
        backup();
    }

    private void emit(TokenType type) {
        tokens.add(new Token(type, start, src.slice(start, pos)));
        start = pos;
    }

    private Mode error(String message) {
        tokens.add(new Token(TokenType.ERROR, start, message));
        return Mode.DONE;
    }

    private Mode emitOperator() {
        emit(TokenType.operator(src.slice(start, pos)));
        return Mode.TOKEN;
    }

    // ---- states

    private Mode lexToken() {
        while (true) {
            int r = next();
            if (r == '-' || r == '!') {
                return emitOperator();
            }
            if (r == '.' || (r != END && Character.isDigit(r))) {
                backup();
                return lexNumberDurationOrDot();
            }
            if (r != END && Character.isLetter(r)) {
                return lexIdentOrKeyword();
            }
            if (isSpace(r)) {
                ignore();
                continue;
            }
            switch (r) {
                case '"':
                    return lexReference();
                case '\'':
                    backup();
                    return lexString();
                case '(':
                    emit(TokenType.LPAREN);
                    return Mode.TOKEN;
                case ')':
                    emit(TokenType.RPAREN);
                    return Mode.AFTER_OPERAND;
                case '[':
                    emit(TokenType.LBRACKET);
                    return Mode.TOKEN;
                case ']':
                    emit(TokenType.RBRACKET);
                    return Mode.TOKEN;
                case '|':
                    emit(TokenType.PIPE);
                    return Mode.TOKEN;
                case '@':
                    emit(TokenType.AT);
                    return Mode.TOKEN;
                case ',':
                    emit(TokenType.COMMA);
                    return Mode.TOKEN;
                case '*':
                    emit(TokenType.STAR);
                    return Mode.TOKEN;
                case '/':
                    boolean comment = peek() == '/';
                    backup();
                    return comment ? lexComment() : Mode.REGEX;
                case END:
                    emit(TokenType.EOF);
                    return Mode.DONE;
                default:
                    return error("unknown state, last char: " + GoQuote.rune(r));
            }
        }
    }

    private Mode lexBinaryOperator() {
        ignoreSpace();
        int r = next();
        switch (r) {
            case '+':
            case '-':
            case '*':
            case '%':
                return emitOperator();
            case '/':
                if (peek() == '/') {
                    backup();
                    return lexComment();
                }
                return emitOperator();
            case '!': {
                int p = peek();
                if (p == '=' || p == '~') {
                    next();
                }
                TokenType op = TokenType.operator(src.slice(start, pos));
                emit(op);
                return op == TokenType.REGEX_NOT_EQUAL ? regexIfSlashFollows() : Mode.TOKEN;
            }
            case '>':
            case '<':
                if (peek() == '=') {
                    next();
                }
                return emitOperator();
            case '=': {
                int p = peek();
                if (p == '~' || p == '=') {
                    next();
                    TokenType op = TokenType.operator(src.slice(start, pos));
                    emit(op);
                    return op == TokenType.REGEX_EQUAL ? regexIfSlashFollows() : Mode.TOKEN;
                }
                emit(TokenType.ASSIGN);
                return regexIfSlashFollows();
            }
            default:
                backup();
                return Mode.TOKEN;
        }
    }

    private Mode regexIfSlashFollows() {
        ignoreSpace();
        return peek() == '/' ? Mode.REGEX : Mode.TOKEN;
    }

    private Mode lexIdentOrKeyword() {
        int r;
        do {
            r = next();
        } while (isIdentChar(r));
        backup();
        TokenType keyword = KEYWORDS.get(src.slice(start, pos));
        if (keyword == null) {
            emit(TokenType.IDENT);
        } else if (keyword == TokenType.LAMBDA) {
            // "lambda" is an ordinary identifier unless a colon follows.
            if (next() != ':') {
                backup();
                emit(TokenType.IDENT);
            } else {
                emit(TokenType.LAMBDA);
            }
        } else {
            emit(keyword);
        }
        return Mode.AFTER_OPERAND;
    }

    private Mode lexNumberDurationOrDot() {
        boolean foundDecimal = false;
        boolean first = true;
        while (true) {
            int r = next();
            if (r == '.') {
                if (first && !isDigit(peek())) {
                    emit(TokenType.DOT);
                    return Mode.TOKEN;
                }
                if (foundDecimal) {
                    return error("multiple decimals in number");
                }
                foundDecimal = true;
            } else if (isDigit(r)) {
                // part of the number
            } else if (!foundDecimal && r != END && DURATION_UNITS.indexOf(r) >= 0) {
                if (r == 'm' && peek() == 's') {
                    next();
                }
                emit(TokenType.DURATION);
                return Mode.AFTER_OPERAND;
            } else {
                backup();
                emit(TokenType.NUMBER);
                return Mode.AFTER_OPERAND;
            }
            first = false;
        }
    }

    private Mode lexReference() {
        while (true) {
            int r = next();
            if (r == '\\') {
                if (peek() == '"') {
                    next();
                }
            } else if (r == '"') {
                emit(TokenType.REFERENCE);
                return Mode.AFTER_OPERAND;
            } else if (r == END) {
                return error("unterminated field reference");
            }
        }
    }

    /** Single quoted ('...', with \' escapes) or triple quoted ('''...''', raw) strings; '' is the empty string. */
    private Mode lexString() {
        next(); // the opening quote
        int quotes = 1;
        if (peek() == '\'') {
            next();
            if (peek() != '\'') {
                emit(TokenType.STRING);
                return Mode.AFTER_OPERAND;
            }
            next();
            quotes = 3;
        }
        // Count down closing quotes; any other character resets the count. Note the escape test uses the
        // running count, as Kapacitor does.
        int remaining = quotes;
        while (true) {
            int r = next();
            if (r == '\\' && remaining == 1) {
                if (peek() == '\'') {
                    next();
                }
            } else if (r == '\'') {
                remaining--;
                if (remaining == 0) {
                    emit(TokenType.STRING);
                    return Mode.AFTER_OPERAND;
                }
            } else if (r == END) {
                return error("unterminated string");
            } else {
                remaining = quotes;
            }
        }
    }

    private Mode lexRegex() {
        int first = next();
        if (first != '/') {
            return error("unexpected \"" + (first == END ? "\uFFFD" : Character.toString(first))
                + "\" expected \"/\"");
        }
        while (true) {
            int r = next();
            if (r == '\\') {
                if (peek() == '/') {
                    next();
                }
            } else if (r == '/') {
                emit(TokenType.REGEX);
                return Mode.TOKEN;
            } else if (r == END) {
                return error("unterminated regex");
            }
        }
    }

    /**
     * A comment runs to the end of its line; following lines that start (after blanks) with '/' extend it, so a
     * block of comment lines becomes one token.
     */
    private Mode lexComment() {
        if (peek() != '/') {
            return error("invalid character '/'");
        }
        next();
        while (true) {
            int r = next();
            if (r == '\n') {
                int n = next();
                while (n != '\n' && isSpace(n)) {
                    n = next();
                }
                if (n == '/') {
                    continue;
                }
                backup();
                emit(TokenType.COMMENT);
                return Mode.TOKEN;
            }
            if (r == END) {
                emit(TokenType.COMMENT);
                return Mode.TOKEN;
            }
        }
    }

    // ---- character classes (Go's unicode package semantics)

    private static boolean isDigit(int r) {
        return r != END && Character.isDigit(r);
    }

    private static boolean isIdentChar(int r) {
        return r != END && (Character.isDigit(r) || Character.isLetter(r) || r == '_');
    }

    /** Go's unicode.IsSpace: Latin-1 blanks (incl. NEL and NBSP) and Unicode White_Space beyond. */
    static boolean isSpace(int r) {
        if (r == END) {
            return false;
        }
        if (r <= 0xff) {
            return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xa0;
        }
        return Character.isSpaceChar(r);
    }
}
