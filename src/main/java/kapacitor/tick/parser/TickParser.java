package kapacitor.tick.parser;

import kapacitor.util.GoRegex;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.ChainNode;
import kapacitor.tick.ast.CommentNode;
import kapacitor.tick.ast.CommentedNode;
import kapacitor.tick.ast.DbrpNode;
import kapacitor.tick.ast.DeclarationNode;
import kapacitor.tick.ast.DurationNode;
import kapacitor.tick.ast.FuncType;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.ListNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.Position;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.ast.ReferenceNode;
import kapacitor.tick.ast.RegexNode;
import kapacitor.tick.ast.StarNode;
import kapacitor.tick.ast.StringNode;
import kapacitor.tick.ast.TypeDeclarationNode;
import kapacitor.tick.ast.UnaryNode;
import kapacitor.tick.lexer.Lexer;
import kapacitor.tick.lexer.SourceText;
import kapacitor.tick.lexer.Token;
import kapacitor.tick.lexer.TokenType;

/**
 * Recursive descent parser for TICKscript with Kapacitor's grammar, operator precedence, comment attachment and
 * error texts. Instances are single use; call {@link #parse(String)} or {@link #parseLambda(String)}.
 */
public final class TickParser {
    /** Shown around an unexpected token in error messages, in bytes each side, cut at newlines. */
    private static final int CONTEXT = 10;

    private static final TokenType[] PRIMARY_EXPECTED = {
        TokenType.NUMBER, TokenType.STRING, TokenType.DURATION, TokenType.IDENT, TokenType.TRUE, TokenType.FALSE,
        TokenType.EQUAL, TokenType.LPAREN, TokenType.MINUS, TokenType.NOT,
    };

    private final SourceText src;
    private final TokenStream in;

    private TickParser(String text) {
        this.src = new SourceText(text);
        this.in = new TokenStream(src, Lexer.tokenize(src));
    }

    /** Parses a whole script. */
    public static ProgramNode parse(String script) {
        TickParser p = new TickParser(script);
        ProgramNode program = p.program();
        p.expect(TokenType.EOF);
        return program;
    }

    /** Parses a bare lambda expression (the text after {@code lambda:}); the node sits at offset 0. */
    public static LambdaNode parseLambda(String expression) {
        TickParser p = new TickParser(expression);
        Node e = p.primaryExpr();
        LambdaNode lambda = new LambdaNode(p.in.position(0), e, null);
        p.expect(TokenType.EOF);
        return lambda;
    }

    // ---- statements

    private ProgramNode program() {
        List<Node> nodes = new ArrayList<>();
        while (in.peek().type() != TokenType.EOF) {
            nodes.add(statement());
        }
        // A comment block at the end belongs to no statement; keep it so formatting preserves it.
        for (int slot = 1; slot >= 0; slot--) {
            CommentNode c = in.pendingComment(slot);
            if (c != null) {
                nodes.add(c);
            }
        }
        return new ProgramNode(in.position(0), nodes);
    }

    private Node statement() {
        TokenType t = in.peek().type();
        if (t == TokenType.VAR) {
            return declaration();
        }
        if (t == TokenType.DBRP) {
            return dbrp();
        }
        return expression();
    }

    private Node dbrp() {
        Token tok = expect(TokenType.DBRP);
        CommentNode c = in.consumeComment();
        ReferenceNode db = reference();
        expect(TokenType.DOT);
        ReferenceNode rp = reference();
        return new DbrpNode(in.position(tok.pos()), db, rp, c);
    }

    private Node declaration() {
        Token tok = expect(TokenType.VAR);
        CommentNode c = in.consumeComment();
        IdentifierNode name = identifier();
        if (in.peek().type() == TokenType.ASSIGN) {
            expect(TokenType.ASSIGN);
            Node value = expression();
            return new DeclarationNode(in.position(tok.pos()), name, value, c);
        }
        IdentifierNode type = identifier();
        return new TypeDeclarationNode(in.position(tok.pos()), name, type, c);
    }

    // ---- expressions

    private Node expression() {
        TokenType t = in.peek().type();
        if (t == TokenType.IDENT) {
            in.next();
            TokenType after = in.peek().type();
            in.backup();
            if (after == TokenType.LPAREN) {
                Node call = function(FuncType.GLOBAL);
                if (startsChainOrStatement(in.peek().type())) {
                    return chain(call);
                }
                return precedence(call, 0);
            }
            if (startsChainOrStatement(after)) {
                return chain(identifier());
            }
            return primaryExpr();
        }
        if (t == TokenType.LAMBDA) {
            return lambda();
        }
        if (t == TokenType.LBRACKET) {
            return list();
        }
        return primaryExpr();
    }

    private static boolean startsChainOrStatement(TokenType t) {
        return t == TokenType.DOT || t == TokenType.PIPE || t == TokenType.AT || t == TokenType.VAR
            || t == TokenType.IDENT;
    }

    /** '|', '.' and '@' steps, left-associative. */
    private Node chain(Node lhs) {
        Node result = lhs;
        while (true) {
            TokenType t = in.peek().type();
            if (t != TokenType.DOT && t != TokenType.PIPE && t != TokenType.AT) {
                return result;
            }
            Token op = in.next();
            CommentNode c = in.consumeComment();
            FuncType ft = t == TokenType.DOT ? FuncType.PROPERTY : t == TokenType.PIPE ? FuncType.CHAIN
                : FuncType.DYNAMIC;
            Node rhs = functionOrIdentifier(ft);
            result = new ChainNode(in.position(op.pos()), op.type(), result, rhs, c);
        }
    }

    private Node functionOrIdentifier(FuncType ft) {
        in.next();
        boolean call = ft == FuncType.CHAIN || in.peek().type() == TokenType.LPAREN;
        in.backup();
        return call ? function(ft) : identifier();
    }

    private IdentifierNode identifier() {
        Token tok = expect(TokenType.IDENT);
        return new IdentifierNode(in.position(tok.pos()), tok.value(), in.consumeComment());
    }

    private Node function(FuncType ft) {
        Token name = expect(TokenType.IDENT);
        CommentNode c = in.consumeComment();
        expect(TokenType.LPAREN);
        List<Node> args = arguments(this::expression);
        expect(TokenType.RPAREN);
        return new FunctionNode(in.position(name.pos()), ft, name.value(), args, isMultiLine(name, args), c);
    }

    /** A call inside a lambda: arguments are lambda expressions and the name's comment is left unclaimed. */
    private Node lambdaFunction() {
        Token name = expect(TokenType.IDENT);
        expect(TokenType.LPAREN);
        List<Node> args = arguments(this::lambdaArgument);
        expect(TokenType.RPAREN);
        return new FunctionNode(in.position(name.pos()), FuncType.GLOBAL, name.value(), args,
            isMultiLine(name, args), null);
    }

    private Node lambdaArgument() {
        Node n = primary();
        if (in.peek().type().isExprOperator()) {
            n = precedence(n, 0);
        }
        return n;
    }

    private boolean isMultiLine(Token name, List<Node> args) {
        return !args.isEmpty() && src.hasNewLine(name.pos(), args.get(args.size() - 1).position().offset());
    }

    private interface Rule {
        Node parse();
    }

    /** Comma separated arguments up to (not including) ')'; a trailing comma is allowed. */
    private List<Node> arguments(Rule argument) {
        List<Node> args = new ArrayList<>();
        while (in.peek().type() != TokenType.RPAREN) {
            args.add(argument.parse());
            if (in.next().type() != TokenType.COMMA) {
                in.backup();
                break;
            }
        }
        return args;
    }

    private Node list() {
        Token open = expect(TokenType.LBRACKET);
        CommentNode c = in.consumeComment();
        List<Node> items = new ArrayList<>();
        while (in.peek().type() != TokenType.RBRACKET) {
            items.add(listItem());
            if (in.next().type() != TokenType.COMMA) {
                in.backup();
                break;
            }
        }
        expect(TokenType.RBRACKET);
        return new ListNode(in.position(open.pos()), items, c);
    }

    private Node listItem() {
        Token t = in.peek();
        switch (t.type()) {
            case IDENT:
                return identifier();
            case STRING:
                return string();
            case STAR:
                return star();
            default:
                throw unexpected(t, TokenType.IDENT, TokenType.STRING, TokenType.STAR);
        }
    }

    private Node lambda() {
        Token tok = in.next();
        CommentNode c = in.consumeComment();
        Node e = primaryExpr();
        return new LambdaNode(in.position(tok.pos()), e, c);
    }

    private Node primaryExpr() {
        return precedence(primary(), 0);
    }

    private static int precedence(TokenType op) {
        switch (op) {
            case OR:
                return 0;
            case AND:
                return 1;
            case EQUAL:
            case NOT_EQUAL:
            case REGEX_EQUAL:
            case REGEX_NOT_EQUAL:
                return 2;
            case GREATER:
            case GREATER_EQUAL:
            case LESS:
            case LESS_EQUAL:
                return 3;
            case PLUS:
            case MINUS:
                return 4;
            default:
                return 5;
        }
    }

    /** Operator precedence climbing; operators of equal precedence associate to the left. */
    private Node precedence(Node lhs, int minPrecedence) {
        Token look = in.peek();
        while (look.type().isExprOperator() && precedence(look.type()) >= minPrecedence) {
            Token op = in.next();
            CommentNode c = in.consumeComment();
            Node rhs = primary();
            look = in.peek();
            while (look.type().isExprOperator() && precedence(look.type()) > precedence(op.type())) {
                rhs = precedence(rhs, precedence(look.type()));
                look = in.peek();
            }
            boolean multiLine = src.hasNewLine(lhs.position().offset(), rhs.position().offset());
            lhs = new BinaryNode(in.position(op.pos()), op.type(), lhs, rhs, false, multiLine, c);
        }
        return lhs;
    }

    private Node primary() {
        Token tok = in.peek();
        switch (tok.type()) {
            case LPAREN: {
                in.next();
                CommentNode c = in.consumeComment();
                Node n = primaryExpr();
                if (n instanceof BinaryNode) {
                    n = ((BinaryNode) n).withParens();
                }
                // The comment before '(' replaces whatever the inner node carried, even when there is none.
                if (n instanceof CommentedNode) {
                    n = ((CommentedNode) n).withComment(c);
                }
                expect(TokenType.RPAREN);
                return n;
            }
            case NUMBER:
                return number();
            case STRING:
                return string();
            case TRUE:
            case FALSE: {
                Token t = in.next();
                return new BoolNode(in.position(t.pos()), t.type() == TokenType.TRUE, in.consumeComment());
            }
            case DURATION:
                return duration();
            case REGEX:
                return regex();
            case STAR:
                return star();
            case REFERENCE:
                return reference();
            case IDENT: {
                in.next();
                boolean call = in.peek().type() == TokenType.LPAREN;
                in.backup();
                return call ? lambdaFunction() : identifier();
            }
            case MINUS:
            case NOT: {
                in.next();
                Node operand = primary();
                // Kapacitor claims the comment only after parsing the operand.
                return new UnaryNode(in.position(tok.pos()), tok.type(), operand, in.consumeComment());
            }
            default:
                throw unexpected(tok, PRIMARY_EXPECTED);
        }
    }

    // ---- literals

    private Node duration() {
        Token tok = expect(TokenType.DURATION);
        Position pos = in.position(tok.pos());
        CommentNode c = in.consumeComment();
        try {
            return DurationNode.parse(pos, tok.value(), c);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), pos);
        }
    }

    private Node number() {
        Token tok = expect(TokenType.NUMBER);
        Position pos = in.position(tok.pos());
        CommentNode c = in.consumeComment();
        try {
            return NumberNode.parse(pos, tok.value(), c);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), pos);
        }
    }

    private Node string() {
        Token tok = expect(TokenType.STRING);
        return StringNode.fromToken(in.position(tok.pos()), tok.value(), in.consumeComment());
    }

    private Node regex() {
        Token tok = expect(TokenType.REGEX);
        Position pos = in.position(tok.pos());
        RegexNode r = RegexNode.fromToken(pos, tok.value(), in.consumeComment());
        checkRegex(r.pattern(), pos);
        return r;
    }

    /**
     * Rejects patterns that cannot compile. Kapacitor compiles with Go's RE2; {@link GoRegex} translates RE2 syntax
     * to java.util.regex, so the error detail is Java's wording, not Go's.
     */
    private void checkRegex(String pattern, Position pos) {
        try {
            GoRegex.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), pos);
        }
    }

    private Node star() {
        Token tok = expect(TokenType.STAR);
        return new StarNode(in.position(tok.pos()), in.consumeComment());
    }

    private ReferenceNode reference() {
        Token tok = expect(TokenType.REFERENCE);
        return ReferenceNode.fromToken(in.position(tok.pos()), tok.value(), in.consumeComment());
    }

    // ---- errors

    private Token expect(TokenType expected) {
        Token tok = in.next();
        if (tok.type() != expected) {
            throw unexpected(tok, expected);
        }
        return tok;
    }

    private TickSyntaxException failure(String detail, Position pos) {
        return new TickSyntaxException("parser: " + detail, pos);
    }

    private TickSyntaxException unexpected(Token tok, TokenType... expected) {
        int at = tok.pos();
        int start = Math.max(0, at - CONTEXT);
        int nl = src.lastIndexOf('\n', start, at);
        if (nl >= 0) {
            start = nl + 1;
        }
        int stop = Math.min(src.length(), at + CONTEXT);
        nl = src.indexOf('\n', at, stop);
        if (nl >= 0) {
            stop = nl;
        }
        StringJoiner names = new StringJoiner(",");
        for (TokenType t : expected) {
            names.add("\"" + t.text() + "\"");
        }
        String found = tok.type() == TokenType.ERROR ? tok.value() : tok.type().text();
        Position pos = in.position(at);
        return failure("unexpected " + found + " line " + pos.line() + " char " + pos.column() + " in \""
            + src.slice(start, stop) + "\". expected: " + names, pos);
    }
}
