package kapacitor.service.task;

import kapacitor.util.GoQuote;

import io.vertx.core.Future;
import kapacitor.api.ApiRouter;
import kapacitor.api.Links;
import kapacitor.model.DbRp;
import kapacitor.pipeline.Pipeline;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.TaskStats;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.format.TickFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task and template JSON Kapacitor answers with: the full documents in its client struct field order, and list
 * entries as Go maps (keys sorted, only the requested fields).
 */
final class TaskViews {
    private static final Logger LOG = LoggerFactory.getLogger(TaskViews.class);

    static final List<String> ALL_TASK_FIELDS = List.of("link", "id", "type", "dbrps", "script", "dot", "status",
        "executing", "error", "stats", "created", "modified", "last-enabled", "vars", "template-id");
    static final List<String> ALL_TEMPLATE_FIELDS =
        List.of("link", "id", "type", "script", "dot", "error", "created", "modified");

    private final ScriptCompiler compiler;
    private final TaskRunner runner;

    TaskViews(ScriptCompiler compiler, TaskRunner runner) {
        this.compiler = compiler;
        this.runner = runner;
    }

    static Map<String, String> taskLink(String id) {
        return Links.self(ApiRouter.BASE + "/tasks/" + id);
    }

    static Map<String, String> templateLink(String id) {
        return Links.self(ApiRouter.BASE + "/templates/" + id);
    }

    /** Formatted like Kapacitor: only when the formatter accepts the script, so a stored task stays readable. */
    static String script(String script, boolean formatted) {
        if (!formatted) {
            return script;
        }
        try {
            return TickFormatter.format(script);
        } catch (RuntimeException e) {
            return script;
        }
    }

    static List<Map<String, String>> dbrps(List<DbRp> dbrps) {
        List<Map<String, String>> out = new ArrayList<>();
        for (DbRp d : dbrps) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("db", d.db());
            m.put("rp", d.rp());
            out.add(m);
        }
        return out;
    }

    /** Kapacitor's convertTask. */
    Future<Map<String, Object>> task(TaskDoc t, boolean formatted, boolean labels) {
        Pipeline pipeline;
        try {
            pipeline = compiler.compileTask(t.script, t.type, t.vars);
        } catch (IllegalArgumentException e) {
            return task(t, null, e.getMessage(), script(t.script, formatted), labels);
        }
        return task(t, pipeline, t.error, script(t.script, formatted), labels);
    }

    /**
     * The answer to a create (formatted script, DOT with attributes) of a task whose script the caller parsed to
     * {@code program} and compiled to {@code pipeline}: neither is done again here.
     */
    Future<Map<String, Object>> created(TaskDoc t, ProgramNode program, Pipeline pipeline) {
        String script;
        try {
            script = TickFormatter.format(program);
        } catch (RuntimeException e) {
            script = t.script;
        }
        return task(t, pipeline, t.error, script, false);
    }

    /** {@code pipeline} null: the script did not compile, and {@code error} says why. */
    private Future<Map<String, Object>> task(TaskDoc t, Pipeline pipeline, String error, String script,
                                             boolean labels) {
        boolean executing = runner.isExecuting(t.id);
        Future<TaskStats> stats = pipeline != null && executing ? runner.stats(t.id) : Future.succeededFuture();
        return stats.transform(ar -> {
            String dot = "";
            Map<String, Object> statsJson = new LinkedHashMap<>();
            if (pipeline != null) {
                if (executing && ar.succeeded()) {
                    dot = labels ? ar.result().dotLabels() : ar.result().dotAttributes();
                    statsJson = ar.result().stats();
                } else if (executing) {
                    LOG.error("msg=\"failed to retrieve stats for task\" task={}", t.id, ar.cause());
                } else {
                    dot = pipeline.dot(t.id);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("link", taskLink(t.id));
            out.put("id", t.id);
            out.put("template-id", t.templateId);
            out.put("type", t.type.text());
            out.put("dbrps", dbrps(t.dbrps));
            out.put("script", script);
            out.put("vars", TaskVars.toClient(t.vars));
            out.put("dot", dot);
            out.put("status", t.status);
            out.put("executing", executing);
            out.put("error", error);
            out.put("stats", statsJson);
            out.put("created", t.created);
            out.put("modified", t.modified);
            out.put("last-enabled", t.lastEnabled);
            return Future.succeededFuture(out);
        });
    }

    /** One entry of {@code GET /tasks}; fails with the unsupported field's name. */
    Future<Map<String, Object>> listEntry(TaskDoc t, List<String> fields, boolean formatted, boolean labels) {
        boolean executing = runner.isExecuting(t.id);
        boolean wantsStats = fields.contains("stats") || fields.contains("dot");
        Future<TaskStats> stats = executing && wantsStats ? runner.stats(t.id) : Future.succeededFuture();
        return stats.transform(ar -> {
            Map<String, Object> out = new TreeMap<>();
            for (String field : fields) {
                Object value = null;
                switch (field) {
                    case "id":
                        value = t.id;
                        break;
                    case "link":
                        value = taskLink(t.id);
                        break;
                    case "type":
                        value = t.type.text();
                        break;
                    case "dbrps":
                        value = dbrps(t.dbrps);
                        break;
                    case "script":
                        value = script(t.script, formatted);
                        break;
                    case "executing":
                        value = executing;
                        break;
                    case "dot":
                        if (executing) {
                            value = ar.succeeded() ? (labels ? ar.result().dotLabels() : ar.result().dotAttributes())
                                : "";
                        } else {
                            try {
                                value = compiler.compileTask(t.script, t.type, t.vars).dot(t.id);
                            } catch (IllegalArgumentException e) {
                                value = null;
                            }
                        }
                        break;
                    case "stats":
                        if (executing && ar.succeeded()) {
                            value = ar.result().stats();
                        }
                        break;
                    case "error":
                        value = t.error;
                        break;
                    case "status":
                        value = t.status;
                        break;
                    case "created":
                        value = t.created;
                        break;
                    case "modified":
                        value = t.modified;
                        break;
                    case "last-enabled":
                        value = t.lastEnabled;
                        break;
                    case "template-id":
                        if (t.templateId.isEmpty()) {
                            continue;
                        }
                        value = t.templateId;
                        break;
                    case "vars":
                        value = TaskVars.toClient(t.vars);
                        break;
                    default:
                        return Future.failedFuture(new UnsupportedField(field));
                }
                out.put(field, value);
            }
            return Future.succeededFuture(out);
        });
    }

    /** Kapacitor's convertTemplate. */
    Map<String, Object> template(TemplateDoc t, boolean formatted) {
        String error = t.error;
        ScriptCompiler.TemplateProgram program = null;
        try {
            program = compiler.compileTemplate(t.script, t.type);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("link", templateLink(t.id));
        out.put("id", t.id);
        out.put("type", t.type.text());
        out.put("script", script(t.script, formatted));
        out.put("vars", program == null ? Map.of() : TaskVars.toClient(program.vars()));
        out.put("dot", program == null ? "" : program.pipeline().dot(t.id));
        out.put("error", error);
        out.put("created", t.created);
        out.put("modified", t.modified);
        return out;
    }

    /** One entry of {@code GET /templates}: empty when the template does not compile, as in Kapacitor. */
    Map<String, Object> templateEntry(TemplateDoc t, List<String> fields, boolean formatted) {
        Map<String, Object> out = new TreeMap<>();
        ScriptCompiler.TemplateProgram program;
        try {
            program = compiler.compileTemplate(t.script, t.type);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (String field : fields) {
            Object value;
            switch (field) {
                case "id":
                    value = t.id;
                    break;
                case "link":
                    value = templateLink(t.id);
                    break;
                case "type":
                    value = t.type.text();
                    break;
                case "script":
                    value = script(t.script, formatted);
                    break;
                case "dot":
                    value = program.pipeline().dot(t.id);
                    break;
                case "vars":
                    value = TaskVars.toClient(program.vars());
                    break;
                case "error":
                    value = t.error;
                    break;
                case "created":
                    value = t.created;
                    break;
                case "modified":
                    value = t.modified;
                    break;
                default:
                    throw new UnsupportedField(field);
            }
            out.put(field, value);
        }
        return out;
    }

    /** A list request named a field Kapacitor does not know. */
    static final class UnsupportedField extends RuntimeException {
        UnsupportedField(String field) {
            super("unsupported field " + GoQuote.quote(field), null, false, false);
        }
    }
}
