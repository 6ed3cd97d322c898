package kapacitor.pipeline;

import java.util.List;

/**
 * A chaining method ({@code |name(args)}) creating a child node.
 *
 * @param goName    Kapacitor's Go method name
 * @param childType the created node's type (a key of {@link NodeSpecs})
 * @param params    parameter kinds; for a variadic method the last one repeats
 * @param variadic  whether the last parameter is variadic
 * @param kind      how the child is attached
 */
public record ChainSpec(String goName, String childType, List<ArgKind> params, boolean variadic, Kind kind) {

    /** How the child is linked into the pipeline. */
    public enum Kind {
        /** Child of the receiver. */
        CHILD,
        /** Child of the receiver and of every node argument, parents in order receiver, arguments. */
        JOIN,
        /** Child of every node argument, then of the receiver. */
        UNION,
        /** A new pipeline source watching the receiver (adds a noop child to a leaf receiver). */
        STATS,
        /** stats|derivative|alert expansion watching the receiver; evaluates to the alert. */
        DEADMAN
    }

    public ChainSpec {
        params = List.copyOf(params);
    }

    public String tickName() {
        return NodeSpecs.tickName(goName);
    }
}
