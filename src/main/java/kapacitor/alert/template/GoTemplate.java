package kapacitor.alert.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The subset of Go's text/template (and html/template's escaping) that Kapacitor alert templates use: text, actions
 * with field chains ({@code .Tags.host}), variables, literals, pipelines, parentheses, functions (index, printf,
 * print, println, len, eq/ne/lt/le/gt/ge, and/or/not, html, plus extra ones such as json), {@code if/else if/else},
 * {@code range} (with {@code $k, $v :=}), {@code with}, comments and trim markers.
 */
public final class GoTemplate {
    private final String name;
    private final List<TemplateNodes.Node> nodes;
    private final boolean htmlEscape;
    private final Map<String, Function<List<Object>, Object>> extraFuncs;

    private GoTemplate(String name, List<TemplateNodes.Node> nodes, boolean htmlEscape,
                       Map<String, Function<List<Object>, Object>> extraFuncs) {
        this.name = name;
        this.nodes = nodes;
        this.htmlEscape = htmlEscape;
        this.extraFuncs = extraFuncs;
    }

    /** A text/template. */
    public static GoTemplate parse(String name, String text) throws TemplateException {
        return parse(name, text, false, Map.of());
    }

    /**
     * A template; with {@code htmlEscape} every action's output is escaped as html/template does in HTML text.
     * {@code extraFuncs} are known to the parser (an unknown function is a parse error, as in Go).
     */
    public static GoTemplate parse(String name, String text, boolean htmlEscape,
                                   Map<String, Function<List<Object>, Object>> extraFuncs) throws TemplateException {
        TemplateParser p = new TemplateParser(name, text, extraFuncs.keySet());
        return new GoTemplate(name, p.parse(), htmlEscape, Map.copyOf(extraFuncs));
    }

    public String execute(Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        TemplateExec exec = new TemplateExec(name, data, htmlEscape, extraFuncs);
        exec.run(nodes, data, new HashMap<>(Map.of("$", data == null ? GoValues.NO_VALUE : data)), out);
        return out.toString();
    }

    /** A Go map[string]string or map[string]interface{} as templates see it (sorted keys). */
    public static Map<String, Object> goMap(Map<String, ?> m) {
        return new TreeMap<>(m);
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
