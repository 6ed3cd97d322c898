package kapacitor.runtime.time;

import io.vertx.core.Vertx;

import java.time.Instant;

/** The real clock: Vert.x timers (millisecond resolution, at least 1 ms) created on the caller's context. */
public final class VertxClock implements TaskClock {
    private static final long MS = 1_000_000L;

    private final Vertx vertx;

    public VertxClock(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long setTimer(long delayNanos, Runnable action) {
        return vertx.setTimer(Math.max(1, delayNanos / MS), id -> action.run());
    }

    @Override
    public long setPeriodic(long periodNanos, Runnable action) {
        return vertx.setPeriodic(Math.max(1, periodNanos / MS), id -> action.run());
    }

    @Override
    public void cancel(long id) {
        vertx.cancelTimer(id);
    }
}
