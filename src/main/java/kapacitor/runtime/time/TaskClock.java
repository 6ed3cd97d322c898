package kapacitor.runtime.time;

/**
 * The wall clock and timers a task's nodes use (barrier, stats). Timer actions run on the task's thread. Tests
 * substitute a clock they advance themselves.
 */
public interface TaskClock {
    /** Wall-clock time, epoch nanoseconds. */
    long nowNanos();

    /** Runs {@code action} once after {@code delayNanos}; returns the timer's id. */
    long setTimer(long delayNanos, Runnable action);

    /** Runs {@code action} every {@code periodNanos}; returns the timer's id. */
    long setPeriodic(long periodNanos, Runnable action);

    void cancel(long id);
}
