package kapacitor.runtime.batch;

import kapacitor.runtime.time.GoTime;

/**
 * When a query() node runs, as Kapacitor's timeTicker: every {@code every} from the task's start, or with align on
 * the multiples of {@code every} (counted from Go's zero time, as time.Truncate does). Tick times are nominal, so a
 * late timer does not shift the query windows.
 */
public record EverySchedule(long every, boolean align) implements QuerySchedule {

    public EverySchedule {
        if (every <= 0) {
            throw new IllegalArgumentException("'every' duration must must non-negative");
        }
    }

    /** The first tick for a node started at {@code now}. */
    @Override
    public long first(long now) {
        return align ? GoTime.truncate(now, every) + every : now + every;
    }

    /** The tick after {@code tick}. */
    @Override
    public long after(long tick) {
        return tick + every;
    }
}
