package kapacitor.tick.lexer;

import java.util.HashMap;
import java.util.Map;

/**
 * Kinds of TICKscript tokens. {@link #text()} is the name Kapacitor prints for the kind in parser errors
 * (for example {@code unexpected EOF ... expected: "identifier"}), and for operators their source spelling.
 */
public enum TokenType {
    ERROR("ERR", Group.NONE),
    EOF("EOF", Group.NONE),
    VAR("var", Group.NONE),
    DBRP("dbrp", Group.NONE),
    ASSIGN("=", Group.NONE),
    DOT(".", Group.NONE),
    PIPE("|", Group.NONE),
    AT("@", Group.NONE),
    IDENT("identifier", Group.NONE),
    REFERENCE("reference", Group.NONE),
    LAMBDA("lambda", Group.NONE),
    NUMBER("number", Group.NONE),
    STRING("string", Group.NONE),
    DURATION("duration", Group.NONE),
    LPAREN("(", Group.NONE),
    RPAREN(")", Group.NONE),
    LBRACKET("[", Group.NONE),
    RBRACKET("]", Group.NONE),
    COMMA(",", Group.NONE),
    NOT("!", Group.NONE),
    TRUE("TRUE", Group.NONE),
    FALSE("FALSE", Group.NONE),
    REGEX("regex", Group.NONE),
    COMMENT("//", Group.NONE),
    STAR("*", Group.NONE),

    PLUS("+", Group.MATH),
    MINUS("-", Group.MATH),
    MULT("*", Group.MATH),
    DIV("/", Group.MATH),
    MOD("%", Group.MATH),

    AND("AND", Group.LOGICAL),
    OR("OR", Group.LOGICAL),

    EQUAL("==", Group.COMPARISON),
    NOT_EQUAL("!=", Group.COMPARISON),
    LESS("<", Group.COMPARISON),
    GREATER(">", Group.COMPARISON),
    LESS_EQUAL("<=", Group.COMPARISON),
    GREATER_EQUAL(">=", Group.COMPARISON),
    REGEX_EQUAL("=~", Group.COMPARISON),
    REGEX_NOT_EQUAL("!~", Group.COMPARISON);

    private enum Group { NONE, MATH, LOGICAL, COMPARISON }

    private static final Map<String, TokenType> OPERATORS = new HashMap<>();

    static {
        for (TokenType t : values()) {
            if (t.isExprOperator() || t == NOT) {
                OPERATORS.put(t.text, t);
            }
        }
    }

    private final String text;
    private final Group group;

    TokenType(String text, Group group) {
        this.text = text;
        this.group = group;
    }

    /** Kapacitor's printed name of the token kind; the spelling for operators. */
    public String text() {
        return text;
    }

    /** True for operators used in math or boolean expressions (binary operators, and unary minus). */
    public boolean isExprOperator() {
        return group != Group.NONE;
    }

    public boolean isMathOperator() {
        return group == Group.MATH;
    }

    public boolean isLogicalOperator() {
        return group == Group.LOGICAL;
    }

    public boolean isComparisonOperator() {
        return group == Group.COMPARISON;
    }

    /** The operator spelled {@code op} ("+", "AND", "=~", "!", ...), or null when there is none. */
    public static TokenType operator(String op) {
        return OPERATORS.get(op);
    }

    @Override
    public String toString() {
        return text;
    }
}
