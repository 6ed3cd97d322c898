package kapacitor.tick.eval;

import java.util.List;
import java.util.function.Function;

import kapacitor.pipeline.DurationValue;

/** The global functions Kapacitor's task scope defines: only {@code time(length[, offset])}. */
final class GlobalFunctions {

    private GlobalFunctions() {
    }

    /**
     * Kapacitor's groupByTime. Argument type errors are Go reflection panics ({@code panic}); the arity error is
     * the function's own error ({@code error}).
     */
    static TimeDimension time(List<Object> args, Function<String, TickException> panic,
                              Function<String, TickException> error) {
        if (args.isEmpty()) {
            throw panic.apply("reflect: Call with too few input arguments");
        }
        if (!(args.get(0) instanceof DurationValue)) {
            throw panic.apply("reflect: Call using " + GoText.typeOf(args.get(0)) + " as type time.Duration");
        }
        for (Object a : args.subList(1, args.size())) {
            if (!(a instanceof DurationValue)) {
                throw panic.apply("reflect: cannot use " + GoText.typeOf(a) + " as type time.Duration in Call");
            }
        }
        if (args.size() > 2) {
            throw error.apply("time() function expects 1 or 2 args, got " + args.size());
        }
        DurationValue offset = args.size() == 2 ? (DurationValue) args.get(1) : new DurationValue(0);
        return new TimeDimension((DurationValue) args.get(0), offset);
    }
}
