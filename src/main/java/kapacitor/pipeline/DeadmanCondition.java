package kapacitor.pipeline;

import java.util.List;

/**
 * The crit expression a deadman() builds: {@code "emitted" <= threshold AND extra1 AND extra2 ...}.
 * Stored as the {@link LambdaValue#ast()} of the generated alert's crit property; the expression compiler
 * recognises it.
 */
public record DeadmanCondition(double threshold, List<LambdaValue> extra) {

    public DeadmanCondition {
        extra = List.copyOf(extra);
    }
}
