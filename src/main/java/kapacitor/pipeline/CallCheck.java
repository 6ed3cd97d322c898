package kapacitor.pipeline;

import java.util.List;

/**
 * Checks arguments the way Go's reflection does when Kapacitor calls a node method or sets a field, and returns
 * Go's panic text (null when the call is fine). Kapacitor reports these texts verbatim.
 */
final class CallCheck {

    private CallCheck() {
    }

    static String call(List<ArgKind> params, boolean variadic, List<Object> args) {
        int fixed = variadic ? params.size() - 1 : params.size();
        if (args.size() < fixed) {
            return "reflect: Call with too few input arguments";
        }
        if (!variadic && args.size() > fixed) {
            return "reflect: Call with too many input arguments";
        }
        for (int i = 0; i < fixed; i++) {
            if (!params.get(i).accepts(args.get(i))) {
                return "reflect: Call using " + ArgKind.goTypeOf(args.get(i)) + " as type " + params.get(i).goType();
            }
        }
        if (variadic) {
            ArgKind elem = params.get(params.size() - 1);
            for (int i = fixed; i < args.size(); i++) {
                if (!elem.accepts(args.get(i))) {
                    return "reflect: cannot use " + ArgKind.goTypeOf(args.get(i)) + " as type " + elem.goType()
                        + " in Call";
                }
            }
        }
        return null;
    }

    static String set(ArgKind kind, Object value) {
        if (kind.accepts(value)) {
            return null;
        }
        return "reflect.Set: value of type " + ArgKind.goTypeOf(value) + " is not assignable to type " + kind.goType();
    }
}
