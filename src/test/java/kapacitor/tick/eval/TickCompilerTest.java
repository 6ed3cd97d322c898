package kapacitor.tick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.pipeline.DeadmanConfig;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.LambdaValue;
import kapacitor.pipeline.NodeDef;
import kapacitor.pipeline.Pipeline;
import kapacitor.pipeline.Regex;
import kapacitor.pipeline.Star;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.format.TickFormatter;
import kapacitor.tick.parser.TickParser;
import org.junit.jupiter.api.Test;

/** Kapacitor's tick/eval_test.go and task-definition behaviours, through the public compiler API. */
class TickCompilerTest {

    private static final long MINUTE = 60_000_000_000L;

    private static Pipeline task(String script, Map<String, TickVar> vars) {
        return TickCompiler.compileTask(script, TaskType.STREAM, vars);
    }

    private static String taskError(String script, Map<String, TickVar> vars) {
        return assertThrows(TickException.class, () -> task(script, vars)).getMessage();
    }

    private static Map<String, TickVar> templateVars(String script) {
        return TickCompiler.compileTemplate(script, TaskType.STREAM).vars();
    }

    @Test
    void taskTypeAndDbrps() {
        assertEquals(TaskType.STREAM, TickCompiler.taskType(TickCompiler.parse("stream|from()")));
        assertEquals(TaskType.BATCH, TickCompiler.taskType(TickCompiler.parse("var b = batch|query('x')")));
        assertNull(TickCompiler.taskType(TickCompiler.parse("stream|from()\nbatch|query('x')")));
        assertNull(TickCompiler.taskType(TickCompiler.parse("var x = 1")));
        assertEquals(List.of(new DbRp("telegraf", "autogen"), new DbRp("db", "rp")), TickCompiler.dbrps(
            TickCompiler.parse("dbrp \"telegraf\".\"autogen\"\ndbrp \"db\".\"rp\"\nstream|from()")));
    }

    @Test
    void templateVarsWithDefaultsAndZeroValues() {
        // TestValidateTemplate_Vars
        Map<String, TickVar> vars = templateVars("var x = 3m\nvar y = -x\nvar n = TRUE\nvar m = !n\n"
            + "var z = x + y\nvar a string\n");
        assertEquals(Map.of(
            "a", new TickVar(ValueType.STRING, null),
            "x", new TickVar(ValueType.DURATION, new DurationValue(3 * MINUTE)),
            "y", new TickVar(ValueType.DURATION, new DurationValue(-3 * MINUTE)),
            "z", new TickVar(ValueType.DURATION, new DurationValue(0)),
            "n", new TickVar(ValueType.BOOL, true),
            "m", new TickVar(ValueType.BOOL, false)), vars);
        assertEquals(List.of("a", "m", "n", "x", "y", "z"), List.copyOf(vars.keySet()));
    }

    @Test
    void allVarTypesAndArithmetic() {
        // TestEvaluate_Vars_AllTypes
        Map<String, TickVar> vars = templateVars("var str = 'this is a string'\nvar strA = str + ' concat'\n"
            + "var strList = [ 'string list', str, strA, *]\nvar strListZero list\nvar star = *\n"
            + "var integer = 42\nvar intergerMath = (integer * 2) - ( 6 * 9 ) + (36 / 3)\nvar float = 3.14\n"
            + "var tastyPie = float * 42.0\nvar intFloat = int(sqrt(float)) * 3\nvar duration = 5m\n"
            + "var later = duration + 1m\nvar regex = /.*/\nvar boolean = TRUE\nvar f = boolean AND FALSE\n"
            + "var lambda = lambda: \"value\" > 0\nvar l = lambda: lambda OR \"value\" < -100\n"
            + "var lambdaZero lambda\n");
        assertEquals(new TickVar(ValueType.STRING, "this is a string concat"), vars.get("strA"));
        assertEquals(new TickVar(ValueType.LIST, List.of(new TickVar(ValueType.STRING, "string list"),
            new TickVar(ValueType.STRING, "this is a string"),
            new TickVar(ValueType.STRING, "this is a string concat"), new TickVar(ValueType.STAR, Star.INSTANCE))),
            vars.get("strList"));
        assertEquals(new TickVar(ValueType.LIST, null), vars.get("strListZero"));
        assertEquals(new TickVar(ValueType.STAR, Star.INSTANCE), vars.get("star"));
        assertEquals(new TickVar(ValueType.INT, 42L * 2 - 6 * 9 + 36 / 3), vars.get("intergerMath"));
        assertEquals(new TickVar(ValueType.FLOAT, 3.14 * 42.0), vars.get("tastyPie"));
        assertEquals(new TickVar(ValueType.INT, 3L), vars.get("intFloat"));
        assertEquals(new TickVar(ValueType.DURATION, new DurationValue(6 * MINUTE)), vars.get("later"));
        assertEquals(new TickVar(ValueType.REGEX, new Regex(".*")), vars.get("regex"));
        assertEquals(new TickVar(ValueType.BOOL, false), vars.get("f"));
        assertEquals(new TickVar(ValueType.LAMBDA, null), vars.get("lambdaZero"));
        LambdaNode l = (LambdaNode) vars.get("l").value();
        assertInstanceOf(LambdaNode.class, ((kapacitor.tick.ast.BinaryNode) l.expression()).left());
    }

    @Test
    void typeConversionFunctionsInExpressions() {
        // TestEvaluate_Vars_TypeConversion
        Map<String, TickVar> vars = templateVars("var d = 5m\n"
            + "var messageDuration = '{{ .ID }} has crossed threshold: ' + string(d)\nvar x = 5\n"
            + "var messageInt = '{{ .ID }} has crossed threshold: ' + string(x)\nvar y = 1.0 / 3.0\n"
            + "var messageFloat = '{{ .ID }} has crossed threshold: ' + string(y)\nvar z = FALSE\n"
            + "var messageBool = '{{ .ID }} is: ' + string(z)\n");
        assertEquals("{{ .ID }} has crossed threshold: 5m", vars.get("messageDuration").value());
        assertEquals("{{ .ID }} has crossed threshold: 5", vars.get("messageInt").value());
        assertEquals("{{ .ID }} has crossed threshold: 0.3333333333333333", vars.get("messageFloat").value());
        assertEquals("{{ .ID }} is: false", vars.get("messageBool").value());
    }

    @Test
    void varErrors() {
        assertEquals("attempted to redefine x, vars are immutable", taskError("var x = 3m\nvar x = 2m\n", Map.of()));
        assertEquals("attempted to redefine stream, vars are immutable", taskError("var stream = 1", Map.of()));
        assertEquals("missing value for var \"x\".", taskError("var x duration\nstream|from()", Map.of()));
        assertEquals("invalid type supplied for x, got string exp duration",
            taskError("var x = 3m\nstream|from()", Map.of("x", new TickVar(ValueType.STRING, "5m"))));
        assertEquals("invalid type supplied for x, got int exp float",
            taskError("var x float\nstream|from()", Map.of("x", new TickVar(ValueType.INT, 1L))));
        assertEquals("invalid type supplied for x, got boolean exp int",
            taskError("var x = 1\nstream|from()", Map.of("x", new TickVar(ValueType.BOOL, true))));
        assertEquals("invalid var type \"number\"", taskError("var x number\nstream|from()", Map.of()));
        assertEquals("mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), "
            + "duration()", taskError("var x = 1 + 1.0", Map.of()));
        assertEquals("invalid math operator + for type boolean", taskError("var x = TRUE + FALSE", Map.of()));
        assertEquals("line 1 char 9: invalid arugument to '-' a", taskError("var x = -'a'", Map.of()));
    }

    @Test
    void suppliedVarsOverrideDefaultsAndFillDeclarations() {
        String script = "var measurement string\nvar period = 10s\nvar where_filter = lambda: TRUE\n"
            + "var groups = [*]\nstream|from().measurement(measurement).where(where_filter).groupBy(groups)"
            + "|window().period(period)";
        LambdaNode lambda = TickParser.parseLambda("\"cpu\" > 1");
        Pipeline p = task(script, Map.of(
            "measurement", new TickVar(ValueType.STRING, "cpu"),
            "period", new TickVar(ValueType.DURATION, new DurationValue(MINUTE)),
            "where_filter", new TickVar(ValueType.LAMBDA, lambda),
            "groups", new TickVar(ValueType.LIST, List.of(new TickVar(ValueType.STRING, "host"),
                new TickVar(ValueType.STRING, "dc")))));
        NodeDef from = p.node("from1");
        assertEquals("cpu", from.stringValue("measurement"));
        assertEquals(List.of("host", "dc"), from.values("GroupBy"));
        assertEquals(new DurationValue(MINUTE), p.node("window2").value("Period"));
        assertInstanceOf(LambdaValue.class, from.values("Where").get(0));
        assertEquals(lambda, ((LambdaValue) from.values("Where").get(0)).ast());
    }

    @Test
    void varsHoldNodesAndLambdasWithResolvedIdentifiers() {
        Pipeline p = task("var threshold = 10\nvar data = stream|from().measurement('cpu')\n"
            + "var crit = lambda: \"value\" > threshold\ndata|window().period(10s)|mean('value')|alert().crit(crit)",
            Map.of());
        assertEquals(List.of("stream0", "from1", "window2", "mean3", "alert4"),
            p.sorted().stream().map(NodeDef::name).toList());
        LambdaNode crit = (LambdaNode) ((LambdaValue) p.node("alert4").value("Crit")).ast();
        assertEquals("\"value\" > 10", TickFormatter.expressionString(crit));
    }

    @Test
    void methodErrorsCarryPositions() {
        assertEquals("line 1 char 24: no method or property \"peroid\" on *pipeline.WindowNode",
            taskError("stream|from()|window().peroid(10s)", Map.of()));
        assertEquals("line 1 char 8: no dynamic method \"from\" on *pipeline.StreamNode, but chaining method does "
            + "exist. Use '|' operator instead: 'node|from(..)'.", taskError("stream@from()", Map.of()));
        assertEquals("line 1 char 15: no method or property \"myUdf\" on *pipeline.FromNode",
            taskError("stream|from()@myUdf()", Map.of()));
        assertEquals("line 1 char 15: cannot assign *ast.ReferenceNode to type string, did you use double quotes "
            + "instead of single quotes?", taskError("stream|from().measurement(\"cpu\")", Map.of()));
        assertEquals("line 2 char 1: no global function \"f\" defined", taskError("stream|from()\nf()", Map.of()));
        assertEquals("name \"foo\" is undefined. Names in scope: time,stream",
            taskError("foo|from()", Map.of()));
        assertEquals("task does nothing", taskError("stream", Map.of()));
        assertEquals("line 1 char 9: cannot get properties of non pointer value",
            taskError("var x = 5\nx|from()", Map.of()).replace("line 2 char 3", "line 1 char 9"));
    }

    @Test
    void timeGlobalFunctionForBatchGroupBy() {
        Pipeline p = TickCompiler.compileTask("batch|query('SELECT mean(v) FROM m').period(1m).every(1m)"
            + ".groupBy(time(1m, 10s), *)|log()", TaskType.BATCH, Map.of());
        assertEquals(List.of(new TimeDimension(new DurationValue(MINUTE), new DurationValue(10_000_000_000L)),
            Star.INSTANCE), p.node("query1").values("GroupBy"));
        assertEquals("line 1 char 33: time() function expects 1 or 2 args, got 3",
            assertThrows(TickException.class, () -> TickCompiler.compileTask("batch|query('SELECT 1')"
                + ".groupBy(time(1m, 1s, 1s))|log()", TaskType.BATCH, Map.of())).getMessage());
    }

    @Test
    void negativeNumbersAndDurationsInArguments() {
        Pipeline p = task("var x = 5\nstream|from()|shift(-5m)|default().field('a', -1.5).field('b', -x)", Map.of());
        assertEquals(new DurationValue(-5 * MINUTE), p.node("shift2").value("Shift"));
    }

    @Test
    void globalDeadmanAddsTheDeadmanBranch() {
        DeadmanConfig config = new DeadmanConfig(MINUTE, 0.0, DeadmanConfig.DEFAULT_ID, DeadmanConfig.DEFAULT_MESSAGE,
            true);
        Pipeline p = TickCompiler.compileTask("stream|from()", TaskType.STREAM, Map.of(), config, Map.of());
        assertEquals(List.of("stream0", "from1", "stats2", "derivative3", "alert4"),
            p.sorted().stream().map(NodeDef::name).toList());
    }

    @Test
    void templateCompilesWithZeroValuesAndDescriptions() {
        CompiledTemplate t = TickCompiler.compileTemplate("// Which measurement\nvar measurement string\n"
            + "// The where filter\n// on two lines\nvar where_filter = lambda: TRUE\nvar crit lambda\n"
            + "stream|from().measurement(measurement).where(where_filter)|alert().crit(crit)", TaskType.STREAM);
        assertEquals(new TickVar(ValueType.STRING, null, "Which measurement"), t.vars().get("measurement"));
        assertEquals("The where filter\non two lines", t.vars().get("where_filter").description());
        assertEquals(new TickVar(ValueType.LAMBDA, null, ""), t.vars().get("crit"));
        assertEquals(3, t.pipeline().size());
    }

    @Test
    void validationErrorsHaveNoPosition() {
        assertEquals("cannot specify both period and periodCount",
            taskError("stream|from()|window().period(10s).periodCount(5)", Map.of()));
    }

    private static final String ALL_TYPES_TEMPLATE = "var bool bool\nvar count_threshold int\n"
        + "var value_threshold float\nvar window duration\nvar field string\nvar tagMatch regex\nvar match lambda\n"
        + "var eval lambda\nvar groups list\nvar secondGroup list\nstream\n    |from()\n        .measurement('test')\n"
        + "        .where(lambda: match AND \"tag\" =~ tagMatch AND bool AND \"value\" >= value_threshold)\n"
        + "        .groupBy(groups)\n        |log().prefix('FROM')\n    |window()\n        .period(window)\n"
        + "        .every(window)\n        |log().prefix('WINDOW')\n    |count(field)\n"
        + "        |log().prefix('COUNT')\n    |groupBy(secondGroup)\n    |sum('count')\n        .as('count')\n"
        + "        |log().prefix('SUM')\n    |where(lambda: \"count\" >= count_threshold)\n"
        + "        |log().prefix('WHERE')\n    |eval(eval)\n        .as('count')\n    |httpOut('count')\n";

    @Test
    void serverTemplateWithAllVarTypes() {
        // TestServer_StreamTemplateTask_AllTypes: the template compiles with no values, the task with all of them.
        CompiledTemplate t = TickCompiler.compileTemplate(ALL_TYPES_TEMPLATE, TaskType.STREAM);
        assertEquals(List.of("bool", "count_threshold", "eval", "field", "groups", "match", "secondGroup", "tagMatch",
            "value_threshold", "window"), List.copyOf(t.vars().keySet()));
        assertEquals(ValueType.REGEX, t.vars().get("tagMatch").type());
        Pipeline p = task(ALL_TYPES_TEMPLATE, Map.of(
            "bool", new TickVar(ValueType.BOOL, true),
            "count_threshold", new TickVar(ValueType.INT, 1L),
            "value_threshold", new TickVar(ValueType.FLOAT, 1.0),
            "window", new TickVar(ValueType.DURATION, new DurationValue(10_000_000_000L)),
            "field", new TickVar(ValueType.STRING, "value"),
            "tagMatch", new TickVar(ValueType.REGEX, new Regex("^a.*")),
            "match", new TickVar(ValueType.LAMBDA, TickParser.parseLambda("\"value\" == 1.0")),
            "eval", new TickVar(ValueType.LAMBDA, TickParser.parseLambda("\"count\" * 2")),
            "groups", new TickVar(ValueType.LIST, List.of(new TickVar(ValueType.STAR, Star.INSTANCE))),
            "secondGroup", new TickVar(ValueType.LIST, List.of(new TickVar(ValueType.STRING, "tag")))));
        assertEquals(List.of(Star.INSTANCE), p.node("from1").values("GroupBy"));
        LambdaNode where = (LambdaNode) ((LambdaValue) p.node("from1").values("Where").get(0)).ast();
        assertEquals("lambda: \"value\" == 1.0 AND \"tag\" =~ /^a.*/ AND TRUE AND \"value\" >= 1.0",
            TickFormatter.expressionString(where).replace("(", "").replace(")", ""));
    }

    @Test
    void serverTemplateTaskMissingVar() {
        // TestServer_StreamTemplateTask_MissingVar
        String script = "var field string\nstream\n    |from()\n        .measurement('test')\n    |window()\n"
            + "        .period(10s)\n        .every(10s)\n    |count(field)\n    |httpOut('count')\n";
        assertEquals(new TickVar(ValueType.STRING, null), TickCompiler.compileTemplate(script, TaskType.STREAM)
            .vars().get("field"));
        assertEquals("missing value for var \"field\".", taskError(script, Map.of()));
    }
}
