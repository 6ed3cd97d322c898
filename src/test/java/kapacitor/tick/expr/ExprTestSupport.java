package kapacitor.tick.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.tick.parser.TickParser;

/** Shared helpers: compile lambda text and evaluate it on a point or a map scope. */
final class ExprTestSupport {
    private ExprTestSupport() {
    }

    static Expr compile(String lambdaText) {
        return ExprCompiler.compile(TickParser.parseLambda(lambdaText));
    }

    static Point point(Object... fieldKeyValues) {
        return new Point("m", "db", "rp", Tags.EMPTY, Fields.of(fieldKeyValues), 0L);
    }

    static Point tagged(Tags tags, long time, Object... fieldKeyValues) {
        return new Point("m", "db", "rp", tags, Fields.of(fieldKeyValues), time);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Boxed value of the lambda on a strict map scope, with a fresh state. */
    static Object eval(String lambdaText, Object... scopeKeyValues) {
        Expr e = compile(lambdaText);
        return e.eval(MapScope.strict(map(scopeKeyValues)), e.newState());
    }

    static String error(Runnable r) {
        try {
            r.run();
        } catch (ExprException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an ExprException");
    }
}
