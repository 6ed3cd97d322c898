package kapacitor.runtime.time;

import java.util.Map;
import java.util.TreeMap;

/** A clock the test advances; due timers run in time order on the calling thread. */
public final class ManualClock implements TaskClock {
    private record Timer(long due, long period, Runnable action) {
    }

    private final TreeMap<Long, Timer> timers = new TreeMap<>();
    private long now;
    private long nextId;

    public ManualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public long setTimer(long delayNanos, Runnable action) {
        long id = nextId++;
        timers.put(id, new Timer(now + delayNanos, 0, action));
        return id;
    }

    @Override
    public long setPeriodic(long periodNanos, Runnable action) {
        long id = nextId++;
        timers.put(id, new Timer(now + periodNanos, periodNanos, action));
        return id;
    }

    @Override
    public void cancel(long id) {
        timers.remove(id);
    }

    public int pending() {
        return timers.size();
    }

    /** Moves the clock forward, running every timer that falls due on the way at its due time. */
    public void advance(long nanos) {
        long end = now + nanos;
        while (true) {
            Map.Entry<Long, Timer> next = null;
            for (Map.Entry<Long, Timer> e : timers.entrySet()) {
                if (e.getValue().due() <= end && (next == null || e.getValue().due() < next.getValue().due())) {
                    next = e;
                }
            }
            if (next == null) {
                break;
            }
            Timer t = next.getValue();
            now = t.due();
            if (t.period() > 0) {
                timers.put(next.getKey(), new Timer(t.due() + t.period(), t.period(), t.action()));
            } else {
                timers.remove(next.getKey());
            }
            t.action().run();
        }
        now = end;
    }
}
