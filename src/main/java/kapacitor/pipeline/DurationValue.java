package kapacitor.pipeline;

import java.time.Duration;

/** A TICKscript duration literal (Go time.Duration, nanoseconds). */
public record DurationValue(long nanos) {

    public static DurationValue of(Duration d) {
        return new DurationValue(d.toNanos());
    }

    public Duration toDuration() {
        return Duration.ofNanos(nanos);
    }

    /** Go's time.Duration.String(), used where Kapacitor prints durations into texts (deadman message). */
    @Override
    public String toString() {
        return GoDurations.format(nanos);
    }
}
