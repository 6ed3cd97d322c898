package kapacitor.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import kapacitor.runtime.time.ManualClock;
import kapacitor.runtime.time.TaskClock;

/**
 * A {@link ManualClock} whose timers run on the task's context, as real timers do: the runner creates it on the
 * task's context, and the test moves it with {@link #advance}.
 */
final class ContextClock implements TaskClock {
    private final Context context;
    private final ManualClock clock;

    ContextClock(Context context, long startNanos) {
        this.context = context;
        this.clock = new ManualClock(startNanos);
    }

    Future<Void> advance(long nanos) {
        Promise<Void> p = Promise.promise();
        context.runOnContext(v -> {
            clock.advance(nanos);
            p.complete();
        });
        return p.future();
    }

    @Override
    public long nowNanos() {
        return clock.nowNanos();
    }

    @Override
    public long setTimer(long delayNanos, Runnable action) {
        return clock.setTimer(delayNanos, action);
    }

    @Override
    public long setPeriodic(long periodNanos, Runnable action) {
        return clock.setPeriodic(periodNanos, action);
    }

    @Override
    public void cancel(long id) {
        clock.cancel(id);
    }
}
