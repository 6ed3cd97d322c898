package kapacitor.alert.template;

import kapacitor.alert.template.TemplateNodes.Action;
import kapacitor.alert.template.TemplateNodes.Arg;
import kapacitor.alert.template.TemplateNodes.Cmd;
import kapacitor.alert.template.TemplateNodes.Dot;
import kapacitor.alert.template.TemplateNodes.Field;
import kapacitor.alert.template.TemplateNodes.Func;
import kapacitor.alert.template.TemplateNodes.If;
import kapacitor.alert.template.TemplateNodes.Literal;
import kapacitor.alert.template.TemplateNodes.Node;
import kapacitor.alert.template.TemplateNodes.Pipe;
import kapacitor.alert.template.TemplateNodes.Range;
import kapacitor.alert.template.TemplateNodes.Sub;
import kapacitor.alert.template.TemplateNodes.Text;
import kapacitor.alert.template.TemplateNodes.Var;
import kapacitor.alert.template.TemplateNodes.With;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses Go template text into {@link TemplateNodes}; errors read as Go's ("template: NAME:LINE: ..."). */
final class TemplateParser {
    static final Set<String> BUILTINS = Set.of("and", "or", "not", "len", "index", "print", "printf", "println",
        "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "slice", "call");

    /** One {{...}} action's source or a run of text. */
    private record Segment(boolean action, String body, int line) {
    }

    private final String name;
    private final String text;
    private final Set<String> extra;
    private final List<Segment> segments = new ArrayList<>();
    private int pos;

    TemplateParser(String name, String text, Set<String> extra) {
        this.name = name;
        this.text = text;
        this.extra = extra;
    }

    List<Node> parse() throws TemplateException {
        split();
        List<Node> nodes = list(Set.of());
        if (pos < segments.size()) {
            Segment s = segments.get(pos);
            throw error(s.line, "unexpected {{" + keyword(s.body) + "}}");
        }
        return nodes;
    }

    private TemplateException error(int line, String msg) {
        return new TemplateException("template: " + name + ":" + line + ": " + msg);
    }

    private void split() throws TemplateException {
        int i = 0;
        int line = 1;
        boolean trimNext = false;
        StringBuilder pendingText = new StringBuilder();
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            String t = open < 0 ? text.substring(i) : text.substring(i, open);
            if (trimNext) {
                t = t.stripLeading();
            }
            if (open < 0) {
                addText(pendingText.append(t), line);
                break;
            }
            int start = open + 2;
            boolean trimLeft = text.startsWith("- ", start) || text.startsWith("-\t", start)
                || text.startsWith("-\n", start);
            if (trimLeft) {
                t = t.stripTrailing();
                start += 2;
            }
            pendingText.append(t);
            addText(pendingText, line);
            line += count(text.substring(i, open));
            int close = findClose(start);
            if (close < 0) {
                throw error(line, "unclosed action");
            }
            String body = text.substring(start, close);
            trimNext = body.endsWith(" -") || body.endsWith("\t-") || body.endsWith("\n-");
            if (trimNext) {
                body = body.substring(0, body.length() - 2);
            }
            String trimmed = body.strip();
            if (!(trimmed.startsWith("/*") && trimmed.endsWith("*/"))) {
                segments.add(new Segment(true, trimmed, line));
            }
            line += count(text.substring(open, close + 2));
            i = close + 2;
        }
    }

    /** The closing braces of an action, skipping quoted strings. */
    private int findClose(int from) {
        char quote = 0;
        for (int j = from; j < text.length() - 1; j++) {
            char c = text.charAt(j);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    j++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`' || c == '\'') {
                quote = c;
            } else if (c == '}' && text.charAt(j + 1) == '}') {
                return j;
            }
        }
        return -1;
    }

    private void addText(StringBuilder b, int line) {
        if (b.length() > 0) {
            segments.add(new Segment(false, b.toString(), line));
            b.setLength(0);
        }
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String keyword(String body) {
        int sp = body.indexOf(' ');
        return sp < 0 ? body : body.substring(0, sp);
    }

    /** Nodes until a segment whose keyword is in {@code stops} (left unconsumed). */
    private List<Node> list(Set<String> stops) throws TemplateException {
        List<Node> nodes = new ArrayList<>();
        while (pos < segments.size()) {
            Segment s = segments.get(pos);
            if (!s.action) {
                nodes.add(new Text(s.body));
                pos++;
                continue;
            }
            String kw = keyword(s.body);
            if (stops.contains(kw)) {
                return nodes;
            }
            pos++;
            switch (kw) {
                case "if":
                    nodes.add(ifNode(s, s.body.substring(2)));
                    break;
                case "range":
                case "with":
                    nodes.add(block(s, kw));
                    break;
                case "end":
                case "else":
                    throw error(s.line, "unexpected {{" + kw + "}}");
                case "define":
                case "template":
                case "block":
                case "break":
                case "continue":
                    throw error(s.line, "{{" + kw + "}} is not supported");
                default:
                    nodes.add(new Action(s.line, pipe(s.body, s.line)));
            }
        }
        if (!stops.isEmpty()) {
            throw error(segments.isEmpty() ? 1 : segments.get(segments.size() - 1).line, "unexpected EOF");
        }
        return nodes;
    }

    private If ifNode(Segment s, String cond) throws TemplateException {
        Pipe p = pipe(cond, s.line);
        List<Node> then = list(Set.of("else", "end"));
        Segment stop = segments.get(pos++);
        List<Node> otherwise = List.of();
        if (keyword(stop.body).equals("else")) {
            String rest = stop.body.substring(4).strip();
            if (rest.startsWith("if ")) {
                // {{else if x}} nests an if sharing the outer {{end}}.
                otherwise = List.of(ifNode(stop, rest.substring(2)));
                return new If(s.line, p, then, otherwise);
            }
            otherwise = list(Set.of("end"));
            pos++;
        }
        return new If(s.line, p, then, otherwise);
    }

    private Node block(Segment s, String kw) throws TemplateException {
        Pipe p = pipe(s.body.substring(kw.length()), s.line);
        List<Node> body = list(Set.of("else", "end"));
        Segment stop = segments.get(pos++);
        List<Node> otherwise = List.of();
        if (keyword(stop.body).equals("else")) {
            otherwise = list(Set.of("end"));
            pos++;
        }
        return kw.equals("range") ? new Range(s.line, p, body, otherwise) : new With(s.line, p, body, otherwise);
    }

    // ---- pipelines ----

    private String src;
    private int at;
    private int line;

    private Pipe pipe(String source, int ln) throws TemplateException {
        String saved = src;
        int savedAt = at;
        src = source;
        at = 0;
        line = ln;
        try {
            Pipe p = pipeline(false);
            skipSpace();
            if (at < src.length()) {
                throw error(line, "unexpected \"" + src.charAt(at) + "\" in command");
            }
            return p;
        } finally {
            src = saved;
            at = savedAt;
        }
    }

    private Pipe pipeline(boolean inParens) throws TemplateException {
        List<String> decl = new ArrayList<>();
        int mark = at;
        skipSpace();
        if (peek() == '$') {
            List<String> vars = new ArrayList<>();
            int save = at;
            vars.add(ident());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
                vars.add(ident());
                skipSpace();
            }
            if (src.startsWith(":=", at) || (src.startsWith("=", at) && !src.startsWith("==", at))) {
                at += src.startsWith(":=", at) ? 2 : 1;
                decl = vars;
            } else {
                at = save;
            }
        } else {
            at = mark;
        }
        List<Cmd> cmds = new ArrayList<>();
        while (true) {
            List<Arg> args = new ArrayList<>();
            while (true) {
                skipSpace();
                char c = peek();
                if (c == 0 || c == '|' || (c == ')' && inParens)) {
                    break;
                }
                args.add(operand());
            }
            if (args.isEmpty()) {
                throw error(line, cmds.isEmpty() ? "missing value for command" : "missing command");
            }
            cmds.add(new Cmd(args));
            if (peek() == '|') {
                at++;
                continue;
            }
            break;
        }
        return new Pipe(decl, cmds);
    }

    private Arg operand() throws TemplateException {
        Arg base = term();
        while (peek() == '.' && at + 1 < src.length() && isIdentStart(src.charAt(at + 1))) {
            List<String> names = new ArrayList<>();
            while (peek() == '.' && at + 1 < src.length() && isIdentStart(src.charAt(at + 1))) {
                at++;
                names.add(ident());
            }
            base = new Field(base, names);
        }
        return base;
    }

    private Arg term() throws TemplateException {
        char c = peek();
        if (c == '.') {
            at++;
            if (at < src.length() && isIdentStart(src.charAt(at))) {
                List<String> names = new ArrayList<>();
                names.add(ident());
                while (peek() == '.' && at + 1 < src.length() && isIdentStart(src.charAt(at + 1))) {
                    at++;
                    names.add(ident());
                }
                return new Field(new Dot(), names);
            }
            return new Dot();
        }
        if (c == '$') {
            return new Var(ident());
        }
        if (c == '(') {
            at++;
            Pipe p = pipeline(true);
            if (peek() != ')') {
                throw error(line, "unclosed left paren");
            }
            at++;
            return new Sub(p);
        }
        if (c == '"' || c == '`') {
            return new Literal(string());
        }
        if (c == '\'') {
            int end = src.indexOf('\'', at + 1);
            if (end < 0) {
                throw error(line, "unterminated character constant");
            }
            String ch = src.substring(at + 1, end);
            at = end + 1;
            return new Literal((long) ch.codePointAt(0));
        }
        if (c == '-' || c == '+' || Character.isDigit(c)) {
            return new Literal(number());
        }
        if (isIdentStart(c)) {
            String id = ident();
            switch (id) {
                case "true":
                    return new Literal(Boolean.TRUE);
                case "false":
                    return new Literal(Boolean.FALSE);
                case "nil":
                    return new Literal(null);
                default:
                    if (!BUILTINS.contains(id) && !extra.contains(id)) {
                        throw error(line, "function \"" + id + "\" not defined");
                    }
                    return new Func(id);
            }
        }
        throw error(line, "unexpected \"" + c + "\" in operand");
    }

    private Object number() throws TemplateException {
        int start = at;
        if (peek() == '-' || peek() == '+') {
            at++;
        }
        while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '.'
            || ((src.charAt(at) == '-' || src.charAt(at) == '+') && "eE".indexOf(src.charAt(at - 1)) >= 0))) {
            at++;
        }
        String n = src.substring(start, at);
        try {
            if (n.contains(".") || ((n.contains("e") || n.contains("E")) && !n.startsWith("0x"))) {
                return Double.parseDouble(n);
            }
            if (n.startsWith("0x") || n.startsWith("0X")) {
                return Long.parseLong(n.substring(2), 16);
            }
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            throw error(line, "bad number syntax: \"" + n + "\"");
        }
    }

    private String string() throws TemplateException {
        char q = src.charAt(at);
        StringBuilder b = new StringBuilder();
        int j = at + 1;
        while (j < src.length() && src.charAt(j) != q) {
            char c = src.charAt(j);
            if (q == '"' && c == '\\' && j + 1 < src.length()) {
                char e = src.charAt(++j);
                switch (e) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    default:
                        b.append(e);
                }
            } else {
                b.append(c);
            }
            j++;
        }
        if (j >= src.length()) {
            throw error(line, "unterminated quoted string");
        }
        at = j + 1;
        return b.toString();
    }

    private String ident() {
        int start = at;
        if (peek() == '$') {
            at++;
        }
        while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_')) {
            at++;
        }
        return src.substring(start, at);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private char peek() {
        return at < src.length() ? src.charAt(at) : 0;
    }

    private void skipSpace() {
        while (at < src.length() && Character.isWhitespace(src.charAt(at))) {
            at++;
        }
    }
}
