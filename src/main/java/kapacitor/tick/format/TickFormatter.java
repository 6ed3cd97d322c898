package kapacitor.tick.format;

import java.math.BigDecimal;
import java.util.List;

import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.ChainNode;
import kapacitor.tick.ast.CommentNode;
import kapacitor.tick.ast.CommentedNode;
import kapacitor.tick.ast.DbrpNode;
import kapacitor.tick.ast.DeclarationNode;
import kapacitor.tick.ast.DurationNode;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.ListNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.ast.ReferenceNode;
import kapacitor.tick.ast.RegexNode;
import kapacitor.tick.ast.StarNode;
import kapacitor.tick.ast.StringNode;
import kapacitor.tick.ast.TypeDeclarationNode;
import kapacitor.tick.ast.UnaryNode;
import kapacitor.tick.lexer.TokenType;
import kapacitor.tick.parser.TickParser;

/**
 * Kapacitor's canonical TICKscript layout (what {@code kapacitor show} and {@code script-format=formatted} print):
 * chain steps on their own lines indented four spaces, property steps eight, multi-line calls one argument per line,
 * comments kept above the node they precede. The output is byte-for-byte Kapacitor's, including its quirks.
 */
public final class TickFormatter {
    private static final String STEP = "    ";

    private final StringBuilder out = new StringBuilder();

    private TickFormatter() {
    }

    /** Parses and formats a script; throws {@link kapacitor.tick.parser.TickSyntaxException} if it does not parse. */
    public static String format(String script) {
        return format(TickParser.parse(script));
    }

    /** Formats any node; a program yields the full script text ending in a newline. */
    public static String format(Node node) {
        TickFormatter f = new TickFormatter();
        f.node(node, "", false);
        return f.out.toString();
    }

    /** A lambda's expression alone, as Kapacitor shows it in pipeline descriptions. */
    public static String expressionString(LambdaNode lambda) {
        if (lambda.expression() == null) {
            return "";
        }
        TickFormatter f = new TickFormatter();
        f.node(lambda.expression(), "", true);
        return f.out.toString();
    }

    /**
     * Writes {@code n}. {@code onNewLine} says the output is at the start of a line, so the node writes its own
     * indentation; otherwise it continues the current line.
     */
    private void node(Node n, String indent, boolean onNewLine) {
        if (n instanceof ProgramNode) {
            program((ProgramNode) n, indent);
            return;
        }
        if (n instanceof CommentNode) {
            comment((CommentNode) n, indent, onNewLine);
            return;
        }
        if (n instanceof ChainNode) {
            chain((ChainNode) n, indent, onNewLine);
            return;
        }
        CommentedNode cn = (CommentedNode) n;
        if (cn.comment() != null) {
            comment(cn.comment(), indent, onNewLine);
            onNewLine = true;
        }
        if (n instanceof DbrpNode) {
            DbrpNode d = (DbrpNode) n;
            out.append(indent).append("dbrp ");
            quoted(d.db().reference());
            out.append('.');
            quoted(d.rp().reference());
            return;
        }
        if (n instanceof DeclarationNode) {
            // Kapacitor writes declarations without indentation; they only occur at the top level.
            DeclarationNode d = (DeclarationNode) n;
            out.append("var ");
            node(d.left(), indent, false);
            out.append(" = ");
            node(d.right(), indent, false);
            return;
        }
        if (n instanceof TypeDeclarationNode) {
            TypeDeclarationNode d = (TypeDeclarationNode) n;
            out.append("var ");
            node(d.node(), indent, false);
            out.append(' ');
            node(d.type(), indent, false);
            return;
        }
        if (onNewLine) {
            out.append(indent);
        }
        value(n, indent, onNewLine);
    }

    private void value(Node n, String indent, boolean onNewLine) {
        if (n instanceof IdentifierNode) {
            out.append(((IdentifierNode) n).ident());
        } else if (n instanceof ReferenceNode) {
            quoted(((ReferenceNode) n).reference());
        } else if (n instanceof StringNode) {
            string((StringNode) n);
        } else if (n instanceof NumberNode) {
            out.append(number((NumberNode) n));
        } else if (n instanceof DurationNode) {
            out.append(((DurationNode) n).literal());
        } else if (n instanceof BoolNode) {
            out.append(((BoolNode) n).value() ? "TRUE" : "FALSE");
        } else if (n instanceof RegexNode) {
            out.append('/').append(((RegexNode) n).literal()).append('/');
        } else if (n instanceof StarNode) {
            out.append('*');
        } else if (n instanceof ListNode) {
            list((ListNode) n, indent, onNewLine);
        } else if (n instanceof FunctionNode) {
            function((FunctionNode) n, indent);
        } else if (n instanceof LambdaNode) {
            out.append("lambda: ");
            node(((LambdaNode) n).expression(), indent, false);
        } else if (n instanceof UnaryNode) {
            UnaryNode u = (UnaryNode) n;
            out.append(u.operator().text());
            node(u.node(), indent, false);
        } else if (n instanceof BinaryNode) {
            binary((BinaryNode) n, indent);
        } else {
            throw new IllegalStateException("unformattable node " + n.getClass().getSimpleName());
        }
    }

    private void program(ProgramNode p, String indent) {
        List<Node> nodes = p.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (i != 0) {
                out.append('\n');
            }
            node(nodes.get(i), indent, true);
            out.append('\n');
        }
    }

    private void comment(CommentNode c, String indent, boolean onNewLine) {
        if (!onNewLine) {
            out.append('\n');
        }
        for (String line : c.comments()) {
            if (line.equals("\n")) {
                out.append('\n');
                continue;
            }
            out.append(indent).append("//");
            if (!line.isEmpty()) {
                out.append(' ').append(line);
            }
            out.append('\n');
        }
    }

    private void chain(ChainNode c, String indent, boolean onNewLine) {
        node(c.left(), indent, onNewLine);
        out.append('\n');
        String stepIndent = indent + STEP;
        if (c.operator() == TokenType.DOT) {
            stepIndent += STEP;
        }
        if (c.comment() != null) {
            comment(c.comment(), stepIndent, true);
        }
        out.append(stepIndent).append(c.operator().text());
        node(c.right(), stepIndent, false);
    }

    private void function(FunctionNode f, String indent) {
        out.append(f.func()).append('(');
        String argIndent = indent + STEP;
        List<Node> args = f.args();
        for (int i = 0; i < args.size(); i++) {
            if (i != 0) {
                out.append(f.multiLine() ? "," : ", ");
            }
            if (f.multiLine()) {
                out.append('\n');
            }
            node(args.get(i), argIndent, f.multiLine());
        }
        if (f.multiLine() && !args.isEmpty()) {
            out.append('\n').append(indent);
        }
        out.append(')');
    }

    private void binary(BinaryNode b, String indent) {
        String inner = indent;
        if (b.parens()) {
            out.append('(');
            inner += STEP;
        }
        node(b.left(), inner, false);
        out.append(' ').append(b.operator().text()).append(b.multiLine() ? '\n' : ' ');
        node(b.right(), inner, b.multiLine());
        if (b.parens()) {
            out.append(')');
        }
    }

    /** Kapacitor passes the list's own line state to every item, so items of a commented list get indented. */
    private void list(ListNode l, String indent, boolean onNewLine) {
        out.append('[');
        List<Node> items = l.nodes();
        for (int i = 0; i < items.size(); i++) {
            if (i != 0) {
                out.append(", ");
            }
            node(items.get(i), indent, onNewLine);
        }
        out.append(']');
    }

    private void string(StringNode s) {
        if (s.tripleQuotes()) {
            out.append("'''").append(s.literal()).append("'''");
            return;
        }
        out.append('\'');
        for (int i = 0; i < s.literal().length(); i++) {
            char c = s.literal().charAt(i);
            if (c == '\'') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('\'');
    }

    private void quoted(String reference) {
        out.append('"');
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Integers in their base (octal keeps its leading 0); floats in shortest plain decimal, always with a '.'. */
    static String number(NumberNode n) {
        if (n.isInt()) {
            return n.base() == 8 ? "0" + Long.toOctalString(n.intValue()) : Long.toString(n.intValue());
        }
        String s = BigDecimal.valueOf(n.floatValue()).stripTrailingZeros().toPlainString();
        return s.indexOf('.') >= 0 ? s : s + ".0";
    }
}
