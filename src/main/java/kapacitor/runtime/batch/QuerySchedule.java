package kapacitor.runtime.batch;

/** When a query() node runs: its ticks in epoch nanoseconds ({@link EverySchedule}, {@link CronSchedule}). */
public interface QuerySchedule {
    /** The first tick for a node started at {@code now}. */
    long first(long now);

    /** The tick after {@code tick}; {@link Long#MAX_VALUE} when there is none (a cron year range that ended). */
    long after(long tick);
}
