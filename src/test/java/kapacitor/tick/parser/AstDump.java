package kapacitor.tick.parser;

import java.util.List;
import java.util.stream.Collectors;

import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.ChainNode;
import kapacitor.tick.ast.CommentNode;
import kapacitor.tick.ast.DbrpNode;
import kapacitor.tick.ast.DeclarationNode;
import kapacitor.tick.ast.DurationNode;
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

/** One-line rendering of a tree with every position, flag and comment, to compare parse results in tests. */
final class AstDump {
    private AstDump() {
    }

    static String dump(Node n) {
        if (n == null) {
            return "null";
        }
        if (n instanceof ProgramNode) {
            return "Program" + at(n.position()) + "[" + all(((ProgramNode) n).nodes()) + "]";
        }
        if (n instanceof CommentNode) {
            return comment((CommentNode) n);
        }
        if (n instanceof DbrpNode) {
            DbrpNode d = (DbrpNode) n;
            return "DBRP" + at(n.position()) + "{" + dump(d.db()) + " " + dump(d.rp()) + c(d.comment()) + "}";
        }
        if (n instanceof DeclarationNode) {
            DeclarationNode d = (DeclarationNode) n;
            return "Declaration" + at(n.position()) + "{" + dump(d.left()) + " " + dump(d.right()) + c(d.comment())
                + "}";
        }
        if (n instanceof TypeDeclarationNode) {
            TypeDeclarationNode d = (TypeDeclarationNode) n;
            return "TypeDeclaration" + at(n.position()) + "{" + dump(d.node()) + " " + dump(d.type())
                + c(d.comment()) + "}";
        }
        if (n instanceof ChainNode) {
            ChainNode ch = (ChainNode) n;
            return "Chain" + at(n.position()) + "{" + ch.operator().text() + " " + dump(ch.left()) + " "
                + dump(ch.right()) + c(ch.comment()) + "}";
        }
        if (n instanceof FunctionNode) {
            FunctionNode f = (FunctionNode) n;
            return "Function" + at(n.position()) + "{" + f.type().text() + " " + f.func() + " ml=" + f.multiLine()
                + " [" + all(f.args()) + "]" + c(f.comment()) + "}";
        }
        if (n instanceof IdentifierNode) {
            IdentifierNode i = (IdentifierNode) n;
            return "Identifier" + at(n.position()) + "{" + q(i.ident()) + c(i.comment()) + "}";
        }
        if (n instanceof ReferenceNode) {
            ReferenceNode r = (ReferenceNode) n;
            return "Reference" + at(n.position()) + "{" + q(r.reference()) + c(r.comment()) + "}";
        }
        if (n instanceof StringNode) {
            StringNode s = (StringNode) n;
            return "String" + at(n.position()) + "{" + q(s.literal()) + " triple=" + s.tripleQuotes()
                + c(s.comment()) + "}";
        }
        if (n instanceof NumberNode) {
            NumberNode num = (NumberNode) n;
            String v = num.isInt() ? "int=" + num.intValue() + " base=" + num.base() : "float=" + num.floatValue();
            return "Number" + at(n.position()) + "{" + v + c(num.comment()) + "}";
        }
        if (n instanceof BoolNode) {
            BoolNode b = (BoolNode) n;
            return "Bool" + at(n.position()) + "{" + b.value() + c(b.comment()) + "}";
        }
        if (n instanceof DurationNode) {
            DurationNode d = (DurationNode) n;
            return "Duration" + at(n.position()) + "{" + d.nanos() + " " + q(d.literal()) + c(d.comment()) + "}";
        }
        if (n instanceof RegexNode) {
            RegexNode r = (RegexNode) n;
            return "Regex" + at(n.position()) + "{" + q(r.literal()) + " " + q(r.pattern()) + c(r.comment()) + "}";
        }
        if (n instanceof StarNode) {
            return "Star" + at(n.position()) + "{" + c(((StarNode) n).comment()).substring(1) + "}";
        }
        if (n instanceof ListNode) {
            ListNode l = (ListNode) n;
            return "List" + at(n.position()) + "[" + all(l.nodes()) + "]" + c(l.comment());
        }
        if (n instanceof LambdaNode) {
            LambdaNode l = (LambdaNode) n;
            return "Lambda" + at(n.position()) + "{" + dump(l.expression()) + c(l.comment()) + "}";
        }
        if (n instanceof BinaryNode) {
            BinaryNode b = (BinaryNode) n;
            return "Binary" + at(n.position()) + "{" + b.operator().text() + " p=" + b.parens() + " ml="
                + b.multiLine() + " " + dump(b.left()) + " " + dump(b.right()) + c(b.comment()) + "}";
        }
        UnaryNode u = (UnaryNode) n;
        return "Unary" + at(n.position()) + "{" + u.operator().text() + " " + dump(u.node()) + c(u.comment()) + "}";
    }

    private static String all(List<Node> nodes) {
        return nodes.stream().map(AstDump::dump).collect(Collectors.joining(", "));
    }

    private static String at(Position p) {
        return "@" + p.offset() + "," + p.line() + "," + p.column();
    }

    private static String c(CommentNode comment) {
        return " c=" + (comment == null ? "null" : comment(comment));
    }

    private static String comment(CommentNode comment) {
        return "Comment" + at(comment.position()) + "["
            + comment.comments().stream().map(AstDump::q).collect(Collectors.joining(",")) + "]";
    }

    /** JSON-style string quoting. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
