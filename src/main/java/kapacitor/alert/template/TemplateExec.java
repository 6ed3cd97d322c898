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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Executes a parsed template against Java values standing for Go ones (see {@link GoValues}). */
final class TemplateExec {
    private final String name;
    private final boolean html;
    private final Map<String, Function<List<Object>, Object>> extra;
    private int line;

    TemplateExec(String name, Object root, boolean html, Map<String, Function<List<Object>, Object>> extra) {
        this.name = name;
        this.html = html;
        this.extra = extra;
    }

    private TemplateException error(String msg) {
        return new TemplateException("template: " + name + ":" + line + ": " + msg);
    }

    void run(List<Node> nodes, Object dot, Map<String, Object> vars, StringBuilder out) throws TemplateException {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                out.append(t.text());
            } else if (n instanceof Action a) {
                line = a.line();
                Object v = pipe(a.pipe(), dot, vars);
                if (a.pipe().decl().isEmpty()) {
                    String s = GoValues.print(v);
                    out.append(html ? HtmlEscape.escape(s) : s);
                }
            } else if (n instanceof If i) {
                line = i.line();
                Map<String, Object> scope = new HashMap<>(vars);
                run(Funcs.truth(pipe(i.pipe(), dot, scope)) ? i.then() : i.otherwise(), dot, scope, out);
            } else if (n instanceof With w) {
                line = w.line();
                Map<String, Object> scope = new HashMap<>(vars);
                Object v = pipe(w.pipe(), dot, scope);
                if (Funcs.truth(v)) {
                    run(w.body(), v, scope, out);
                } else {
                    run(w.otherwise(), dot, scope, out);
                }
            } else {
                range((Range) n, dot, vars, out);
            }
        }
    }

    private void range(Range r, Object dot, Map<String, Object> vars, StringBuilder out) throws TemplateException {
        line = r.line();
        Pipe p = new Pipe(List.of(), r.pipe().cmds());
        Object v = pipe(p, dot, vars);
        List<Object[]> items = new ArrayList<>();
        if (v instanceof Map<?, ?> m) {
            new TreeMap<>(m).forEach((k, val) -> items.add(new Object[] {k, val}));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                items.add(new Object[] {(long) i, l.get(i)});
            }
        } else if (v instanceof Long n) {
            for (long i = 0; i < n; i++) {
                items.add(new Object[] {i, i});
            }
        } else if (v != null && v != GoValues.NO_VALUE) {
            throw error("range can't iterate over " + GoValues.print(v));
        }
        if (items.isEmpty()) {
            run(r.otherwise(), dot, new HashMap<>(vars), out);
            return;
        }
        List<String> decl = r.pipe().decl();
        for (Object[] kv : items) {
            Map<String, Object> scope = new HashMap<>(vars);
            if (decl.size() == 1) {
                scope.put(decl.get(0), kv[1]);
            } else if (decl.size() == 2) {
                scope.put(decl.get(0), kv[0]);
                scope.put(decl.get(1), kv[1]);
            }
            run(r.body(), kv[1], scope, out);
        }
    }

    private Object pipe(Pipe p, Object dot, Map<String, Object> vars) throws TemplateException {
        Object value = null;
        boolean piped = false;
        for (Cmd c : p.cmds()) {
            value = command(c, dot, vars, piped, value);
            piped = true;
        }
        for (String d : p.decl()) {
            vars.put(d, value);
        }
        return value;
    }

    private Object command(Cmd c, Object dot, Map<String, Object> vars, boolean piped, Object in)
        throws TemplateException {
        Arg first = c.args().get(0);
        if (first instanceof Func f) {
            List<Object> args = new ArrayList<>();
            for (int i = 1; i < c.args().size(); i++) {
                args.add(arg(c.args().get(i), dot, vars));
            }
            if (piped) {
                args.add(in);
            }
            return call(f.name(), args);
        }
        if (c.args().size() > 1 || piped) {
            throw error("can't give argument to non-function " + describe(first));
        }
        return arg(first, dot, vars);
    }

    private static String describe(Arg a) {
        if (a instanceof Field f) {
            return "." + String.join(".", f.names());
        }
        return a.toString();
    }

    private Object arg(Arg a, Object dot, Map<String, Object> vars) throws TemplateException {
        if (a instanceof Literal l) {
            return l.value();
        }
        if (a instanceof Dot) {
            return dot;
        }
        if (a instanceof Var v) {
            if (!vars.containsKey(v.name())) {
                throw error("undefined variable: " + v.name());
            }
            return vars.get(v.name());
        }
        if (a instanceof Sub s) {
            return pipe(s.pipe(), dot, new HashMap<>(vars));
        }
        if (a instanceof Func f) {
            return call(f.name(), List.of());
        }
        Field f = (Field) a;
        Object v = arg(f.receiver(), dot, vars);
        for (String n : f.names()) {
            v = field(v, n);
        }
        return v;
    }

    private Object field(Object v, String n) throws TemplateException {
        if (v instanceof GoStruct s) {
            if (!s.fields().containsKey(n)) {
                throw error("can't evaluate field " + n + " in type " + s.typeName());
            }
            return s.fields().get(n);
        }
        if (v instanceof Map<?, ?> m) {
            Object r = m.get(n);
            return r == null && !m.containsKey(n) ? GoValues.NO_VALUE : r;
        }
        if (v == null || v == GoValues.NO_VALUE) {
            throw error("nil pointer evaluating interface {}." + n);
        }
        throw error("can't evaluate field " + n + " in type " + Funcs.typeName(v));
    }

    private Object call(String fn, List<Object> args) throws TemplateException {
        Function<List<Object>, Object> f = extra.get(fn);
        try {
            if (f != null) {
                return f.apply(args);
            }
            return Funcs.call(fn, args);
        } catch (IllegalArgumentException e) {
            throw error("error calling " + fn + ": " + e.getMessage());
        }
    }
}
