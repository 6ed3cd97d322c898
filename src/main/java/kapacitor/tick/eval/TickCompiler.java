package kapacitor.tick.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.pipeline.DeadmanConfig;
import kapacitor.pipeline.EdgeType;
import kapacitor.pipeline.Pipeline;
import kapacitor.pipeline.PipelineException;
import kapacitor.pipeline.PipelineValidator;
import kapacitor.pipeline.UdfInfo;
import kapacitor.tick.ast.ChainNode;
import kapacitor.tick.ast.DbrpNode;
import kapacitor.tick.ast.DeclarationNode;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.parser.TickParser;
import kapacitor.tick.parser.TickSyntaxException;

/**
 * Turns TICKscript into pipelines the way Kapacitor defines tasks and templates (pipeline.CreatePipeline,
 * pipeline.CreateTemplatePipeline and the task store's helpers). Every error is a {@link TickException} carrying
 * Kapacitor's text (without the HTTP layer's "invalid TICKscript: " prefix).
 */
public final class TickCompiler {

    private TickCompiler() {
    }

    /** Parses a script; syntax errors are {@link TickSyntaxException}s with Kapacitor's texts. */
    public static ProgramNode parse(String script) {
        return TickParser.parse(script);
    }

    /**
     * Kapacitor's taskTypeFromProgram: the source ({@code stream} or {@code batch}) every top-level chain and
     * declaration starts from; null when there is none or they disagree.
     */
    public static TaskType taskType(ProgramNode program) {
        String found = null;
        for (Node n : program.nodes()) {
            Node start;
            if (n instanceof DeclarationNode) {
                start = ((DeclarationNode) n).right();
            } else if (n instanceof ChainNode) {
                start = ((ChainNode) n).left();
            } else {
                continue;
            }
            while (start instanceof ChainNode) {
                start = ((ChainNode) start).left();
            }
            if (start instanceof IdentifierNode) {
                String ident = ((IdentifierNode) start).ident();
                if (ident.equals("stream") || ident.equals("batch")) {
                    if (found != null && !found.equals(ident)) {
                        return null;
                    }
                    found = ident;
                }
            }
        }
        return found == null ? null : TaskType.fromText(found);
    }

    /** The {@code dbrp "db"."rp"} statements, in order. */
    public static List<DbRp> dbrps(ProgramNode program) {
        List<DbRp> out = new ArrayList<>();
        for (Node n : program.nodes()) {
            if (n instanceof DbrpNode) {
                DbrpNode d = (DbrpNode) n;
                out.add(new DbRp(d.db().reference(), d.rp().reference()));
            }
        }
        return out;
    }

    /** {@link #compileTask(String, TaskType, Map, DeadmanConfig, Map)} with default deadman settings, no UDFs. */
    public static Pipeline compileTask(String script, TaskType type, Map<String, TickVar> vars) {
        return compileTask(script, type, vars, DeadmanConfig.defaults(), Map.of());
    }

    /**
     * Builds and validates a task's pipeline, as Kapacitor does when a task is defined: evaluation with the
     * supplied vars overriding the script's (typed declarations must be supplied), the global deadman, node
     * validation, and the "task does nothing" check.
     *
     * @param udfs the configured UDFs by name, usable as {@code @name()}
     */
    public static Pipeline compileTask(String script, TaskType type, Map<String, TickVar> vars,
                                       DeadmanConfig deadman, Map<String, UdfInfo> udfs) {
        Pipeline p = build(script, type, vars, deadman, udfs, false).pipeline();
        if (p.size() <= 1) {
            throw new TickException("task does nothing");
        }
        return p;
    }

    /** {@link #compileTask(String, TaskType, Map)} of a script already parsed (one parse per request). */
    public static Pipeline compileTask(ProgramNode program, TaskType type, Map<String, TickVar> vars) {
        Pipeline p = build(program, type, vars, DeadmanConfig.defaults(), Map.of(), false).pipeline();
        if (p.size() <= 1) {
            throw new TickException("task does nothing");
        }
        return p;
    }

    /** {@link #compileTemplate(String, TaskType, DeadmanConfig, Map)} with default deadman settings, no UDFs. */
    public static CompiledTemplate compileTemplate(String script, TaskType type) {
        return compileTemplate(script, type, DeadmanConfig.defaults(), Map.of());
    }

    /**
     * Builds a template's pipeline (Kapacitor's CreateTemplatePipeline): typed declarations without a value take
     * their type's zero value. Returns the vars the template declares, with defaults and descriptions.
     */
    public static CompiledTemplate compileTemplate(String script, TaskType type, DeadmanConfig deadman,
                                                   Map<String, UdfInfo> udfs) {
        return build(script, type, Map.of(), deadman, udfs, true);
    }

    /** The vars a program declares, with their default values (null for typed declarations) and descriptions. */
    public static Map<String, TickVar> declaredVars(ProgramNode program) {
        return evaluate(program, TaskType.STREAM, Map.of(), DeadmanConfig.defaults(), Map.of(), true).vars();
    }

    private static CompiledTemplate build(String script, TaskType type, Map<String, TickVar> vars,
                                          DeadmanConfig deadman, Map<String, UdfInfo> udfs, boolean template) {
        ProgramNode program;
        try {
            program = TickParser.parse(script);
        } catch (TickSyntaxException e) {
            throw new TickException(e.getMessage(), e);
        }
        return build(program, type, vars, deadman, udfs, template);
    }

    private static CompiledTemplate build(ProgramNode program, TaskType type, Map<String, TickVar> vars,
                                          DeadmanConfig deadman, Map<String, UdfInfo> udfs, boolean template) {
        CompiledTemplate result = evaluate(program, type, vars, deadman, udfs, template);
        try {
            result.pipeline().applyGlobalDeadman();
            PipelineValidator.validate(result.pipeline());
        } catch (PipelineException e) {
            throw new TickException(e.getMessage(), e);
        }
        return result;
    }

    private static CompiledTemplate evaluate(ProgramNode program, TaskType type, Map<String, TickVar> vars,
                                             DeadmanConfig deadman, Map<String, UdfInfo> udfs, boolean template) {
        if (type == null) {
            throw new TickException("source edge type must be either Stream or Batch not noedge");
        }
        EdgeType edge = type == TaskType.STREAM ? EdgeType.STREAM : EdgeType.BATCH;
        Pipeline p = Pipeline.create(edge, deadman);
        Evaluator ev = new Evaluator(p, type.text(), udfs, vars == null ? Map.of() : vars, template);
        return new CompiledTemplate(p, ev.run(program));
    }
}
