package kapacitor.runtime.edge;

import kapacitor.model.Tags;

/**
 * A window's batch already reduced as it filled: what a time window sends to the one InfluxQL aggregate it feeds
 * (e.g. {@code window()|mean()}) instead of buffering every point. The child finishes the reduction, with exactly
 * the output and errors the buffered batch would have given; the points themselves are gone.
 */
public record AggregatedBatch(String name, Tags groupTags, Dimensions dims, String groupId, long time,
                              Reduction reduction) implements Message {

    /** The child's running reduction of the window's points. */
    public interface Reduction {
        /** How many points the window held (what a buffered batch's size would be). */
        int points();
    }
}
