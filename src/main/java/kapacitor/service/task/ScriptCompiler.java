package kapacitor.service.task;

import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.pipeline.Pipeline;
import kapacitor.tick.ast.ProgramNode;

import java.util.List;
import java.util.Map;

/**
 * What the task service needs from the TICKscript compiler. Every failure is an {@link IllegalArgumentException}
 * carrying Kapacitor's text (parser errors start with {@code "parser: "}); the manager adds its own prefixes.
 */
public interface ScriptCompiler {

    /**
     * The script's task type (null when it has no or mixed stream/batch sources), its {@code dbrp} statements, and
     * the parsed program, which {@link #compileTask(ScriptInfo, TaskType, Map)} and the formatter reuse.
     */
    record ScriptInfo(TaskType type, List<DbRp> dbrps, ProgramNode program) {
    }

    /** A template compiled with its own defaults, and the vars it declares (in the client shape). */
    record TemplateProgram(Pipeline pipeline, Map<String, TaskVar> vars) {
    }

    ScriptInfo inspect(String script);

    /** Compiles a task with checked vars (see {@link TaskVars#validate}). */
    Pipeline compileTask(String script, TaskType type, Map<String, TaskVar> vars);

    /** {@link #compileTask(String, TaskType, Map)} of a script {@link #inspect} already parsed. */
    Pipeline compileTask(ScriptInfo script, TaskType type, Map<String, TaskVar> vars);

    TemplateProgram compileTemplate(String script, TaskType type);
}
