package kapacitor.service.task;

import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.pipeline.Pipeline;

import java.util.List;
import java.util.Map;

/**
 * What the task service needs from the TICKscript compiler. Every failure is an {@link IllegalArgumentException}
 * carrying Kapacitor's text (parser errors start with {@code "parser: "}); the manager adds its own prefixes.
 */
public interface ScriptCompiler {

    /** The script's task type (null when it has no or mixed stream/batch sources) and its {@code dbrp} statements. */
    record ScriptInfo(TaskType type, List<DbRp> dbrps) {
    }

    /** A template compiled with its own defaults, and the vars it declares (in the client shape). */
    record TemplateProgram(Pipeline pipeline, Map<String, TaskVar> vars) {
    }

    ScriptInfo inspect(String script);

    /** Compiles a task with checked vars (see {@link TaskVars#validate}). */
    Pipeline compileTask(String script, TaskType type, Map<String, TaskVar> vars);

    TemplateProgram compileTemplate(String script, TaskType type);
}
