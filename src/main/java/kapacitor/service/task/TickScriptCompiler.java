package kapacitor.service.task;

import kapacitor.model.TaskType;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.Pipeline;
import kapacitor.pipeline.Regex;
import kapacitor.pipeline.Star;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.eval.CompiledTemplate;
import kapacitor.tick.eval.TickCompiler;
import kapacitor.tick.eval.TickException;
import kapacitor.tick.eval.TickVar;
import kapacitor.tick.eval.ValueType;
import kapacitor.tick.format.TickFormatter;
import kapacitor.tick.parser.TickParser;
import kapacitor.tick.parser.TickSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@link ScriptCompiler} on the TICKscript compiler, with Kapacitor's conversions between stored vars and TICKscript
 * vars ({@code convertToTickVarFromService}, {@code convertToClientVarFromTick}). Stateless and thread-safe.
 */
public final class TickScriptCompiler implements ScriptCompiler {

    @Override
    public ScriptInfo inspect(String script) {
        try {
            ProgramNode program = TickCompiler.parse(script);
            return new ScriptInfo(TickCompiler.taskType(program), TickCompiler.dbrps(program), program);
        } catch (TickSyntaxException | TickException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Pipeline compileTask(String script, TaskType type, Map<String, TaskVar> vars) {
        Map<String, TickVar> tickVars = tickVars(vars);
        try {
            return TickCompiler.compileTask(script, type, tickVars);
        } catch (TickSyntaxException | TickException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Pipeline compileTask(ScriptInfo script, TaskType type, Map<String, TaskVar> vars) {
        Map<String, TickVar> tickVars = tickVars(vars);
        try {
            return TickCompiler.compileTask(script.program(), type, tickVars);
        } catch (TickSyntaxException | TickException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Map<String, TickVar> tickVars(Map<String, TaskVar> vars) {
        Map<String, TickVar> tickVars = new TreeMap<>();
        for (Map.Entry<String, TaskVar> e : vars.entrySet()) {
            try {
                tickVars.put(e.getKey(), toTick(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("invalid var " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return tickVars;
    }

    @Override
    public TemplateProgram compileTemplate(String script, TaskType type) {
        CompiledTemplate compiled;
        try {
            compiled = TickCompiler.compileTemplate(script, type);
        } catch (TickSyntaxException | TickException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, TaskVar> vars = new TreeMap<>();
        compiled.vars().forEach((name, v) -> vars.put(name, fromTick(v)));
        return new TemplateProgram(compiled.pipeline(), vars);
    }

    private static TickVar toTick(TaskVar v) {
        Object value = v.value();
        switch (v.type()) {
            case "bool":
                return new TickVar(ValueType.BOOL, value, v.description());
            case "int":
                return new TickVar(ValueType.INT, value, v.description());
            case "float":
                return new TickVar(ValueType.FLOAT, value, v.description());
            case "string":
                return new TickVar(ValueType.STRING, value, v.description());
            case "duration":
                return new TickVar(ValueType.DURATION, value, v.description());
            case "star":
                return new TickVar(ValueType.STAR, Star.INSTANCE, v.description());
            case "lambda":
                try {
                    return new TickVar(ValueType.LAMBDA, TickParser.parseLambda((String) value), v.description());
                } catch (TickSyntaxException e) {
                    throw new IllegalArgumentException("invalid lambda expression: " + e.getMessage(), e);
                }
            case "regex":
                try {
                    Pattern.compile((String) value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid regex pattern: error parsing regexp: "
                        + e.getDescription() + ": `" + value + "`", e);
                }
                return new TickVar(ValueType.REGEX, new Regex((String) value), v.description());
            case "list":
                List<TickVar> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(toTick((TaskVar) item));
                }
                return new TickVar(ValueType.LIST, items, v.description());
            default:
                throw new IllegalArgumentException("invalid var: " + v);
        }
    }

    private static TaskVar fromTick(TickVar v) {
        Object value = v.value();
        if (value instanceof LambdaNode lambda) {
            value = TickFormatter.expressionString(lambda);
        } else if (value instanceof Regex r) {
            value = r.pattern();
        } else if (value instanceof Star) {
            value = null;
        } else if (value instanceof List<?> items) {
            List<TaskVar> list = new ArrayList<>();
            for (Object item : items) {
                list.add(fromTick((TickVar) item));
            }
            value = list;
        } else if (value instanceof DurationValue || value == null) {
            // Durations keep their nanoseconds; a typed declaration without default stays null.
            value = v.value();
        }
        return new TaskVar(v.type().declName(), value, v.description());
    }
}
