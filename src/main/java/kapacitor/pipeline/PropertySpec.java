package kapacitor.pipeline;

import java.util.List;

/**
 * A property of a node type: either a Go field set directly (exactly one value) or a property method.
 *
 * @param goName    Kapacitor's Go name; TICKscript names match it after upper-casing their first letter
 * @param field     true for a field (set by assignment), false for a property method
 * @param params    parameter kinds; for a variadic method the last one repeats
 * @param variadic  whether the last parameter is variadic
 * @param returns   what the call evaluates to
 * @param handler   for {@link Returns#HANDLER}: the alert handler type created (e.g. "slack")
 */
public record PropertySpec(String goName, boolean field, List<ArgKind> params, boolean variadic, Returns returns,
                           String handler) {

    /** What a property call evaluates to in TICKscript (the object further calls apply to). */
    public enum Returns {
        /** The receiver itself. */
        SELF,
        /** The alert's data ({@code *pipeline.AlertNodeData}), from alert property methods such as all(). */
        ALERT_DATA,
        /** A new alert handler object. */
        HANDLER
    }

    public PropertySpec {
        params = List.copyOf(params);
    }

    /** The usual TICKscript spelling: the Go name with a lower-case first letter. */
    public String tickName() {
        return NodeSpecs.tickName(goName);
    }
}
