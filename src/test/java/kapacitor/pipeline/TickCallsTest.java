package kapacitor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Error texts of checked calls, as Kapacitor's evaluator words them. */
class TickCallsTest {

    private final Pipeline p = Pipeline.create(EdgeType.STREAM);
    private final NodeDef from = (NodeDef) p.chain(p.source(), "from", List.of());

    private String chainError(TickObject o, String name, Object... args) {
        return assertThrows(PipelineException.class, () -> p.chain(o, name, List.of(args))).getMessage();
    }

    private String propertyError(TickObject o, String name, Object... args) {
        return assertThrows(PipelineException.class, () -> p.property(o, name, List.of(args))).getMessage();
    }

    @Test
    void unknownNames() {
        assertEquals("no method or property \"nope\" on *pipeline.FromNode", propertyError(from, "nope"));
        assertEquals("no method or property \"nope\" on *pipeline.FromNode", chainError(from, "nope"));
        NodeDef window = (NodeDef) p.chain(from, "window", List.of());
        assertEquals("no property method \"mean\" on *pipeline.WindowNode, but chaining method does exist. "
            + "Use '|' operator instead: 'node|mean(..)'.", propertyError(window, "mean", "x"));
        assertEquals("no chaining method \"period\" on *pipeline.WindowNode, but property does exist. "
            + "Use '.' operator instead: 'node.period(..)'.", chainError(window, "period"));
        p.dynamicMethods(Set.of("myUdf"));
        assertEquals("no property method \"myUdf\" on *pipeline.WindowNode, but dynamic method does exist. "
            + "Use '@' operator instead: 'node@myUdf(..)'.", propertyError(window, "myUdf"));
    }

    @Test
    void fieldTypeAndArityErrors() {
        NodeDef window = (NodeDef) p.chain(from, "window", List.of());
        assertEquals("error calling func \"period\" on obj *pipeline.WindowNode: reflect.Set: value of type string "
            + "is not assignable to type time.Duration", propertyError(window, "period", "10s"));
        assertEquals("too many arguments to set property Period on *pipeline.WindowNode",
            propertyError(window, "period", new DurationValue(1), new DurationValue(2)));
        assertEquals("too many arguments to set property Period on *pipeline.WindowNode",
            propertyError(window, "period"));
        assertEquals("error calling func \"periodCount\" on obj *pipeline.WindowNode: reflect.Set: value of type "
            + "float64 is not assignable to type int64", propertyError(window, "periodCount", 1.5));
    }

    @Test
    void methodArgumentErrors() {
        assertEquals("error calling func \"window\" on obj *pipeline.FromNode: reflect: Call with too many input "
            + "arguments", chainError(from, "window", 1L));
        assertEquals("error calling func \"percentile\" on obj *pipeline.FromNode: reflect: Call with too few input "
            + "arguments", chainError(from, "percentile", "value"));
        // No int -> float conversion, as in Kapacitor.
        assertEquals("error calling func \"percentile\" on obj *pipeline.FromNode: reflect: Call using int64 as type "
            + "float64", chainError(from, "percentile", "value", 90L));
        assertEquals("error calling func \"changeDetect\" on obj *pipeline.FromNode: reflect: cannot use int64 as "
            + "type string in Call", chainError(from, "changeDetect", "a", 1L));
        assertEquals("cannot assign *ast.ReferenceNode to type string, did you use double quotes instead of single "
            + "quotes?", chainError(from, "httpOut", new Reference("x")));
    }

    @Test
    void panicsInsideNodeConstructors() {
        NodeDef window = (NodeDef) p.chain(from, "window", List.of());
        assertEquals("error calling func \"window\" on obj *pipeline.WindowNode: cannot Window batch edge",
            chainError(window, "window"));
        assertEquals("error calling func \"trickle\" on obj *pipeline.FromNode: cannot Trickle stream edge",
            chainError(from, "trickle"));
        assertEquals("error calling func \"sample\" on obj *pipeline.FromNode: must pass int64 or duration to new "
            + "sample node", chainError(from, "sample", "x"));
        // Failed calls consume no id: window2 was the last one.
        assertEquals("log3", ((NodeDef) p.chain(from, "log", List.of())).name());
    }

    @Test
    void alertObjectTypesInErrors() {
        NodeDef alert = (NodeDef) p.chain(from, "alert", List.of());
        assertEquals("no method or property \"nope\" on *pipeline.AlertNode", propertyError(alert, "nope"));
        TickObject data = p.property(alert, "all", List.of());
        assertEquals("no method or property \"nope\" on *pipeline.AlertNodeData", propertyError(data, "nope"));
        TickObject slack = p.property(alert, "slack", List.of());
        assertEquals("error calling func \"channel\" on obj *pipeline.SlackHandler: reflect.Set: value of type int64 "
            + "is not assignable to type string", propertyError(slack, "channel", 1L));
        assertEquals("error calling func \"flapping\" on obj *pipeline.AlertNode: reflect: Call using int64 as type "
            + "float64", propertyError(alert, "flapping", 1L, 0.5));
    }

    @Test
    void positionPrefix() {
        PipelineException e = assertThrows(PipelineException.class,
            () -> p.property(from, "nope", List.of(), new Position(3, 7)));
        assertEquals("line 3 char 7: no method or property \"nope\" on *pipeline.FromNode", e.getMessage());
        assertEquals("no method or property \"nope\" on *pipeline.FromNode", e.rawMessage());
    }
}
