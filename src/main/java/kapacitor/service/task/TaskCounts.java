package kapacitor.service.task;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kapacitor's {@code num_tasks} and {@code num_enabled_tasks} expvars, kept the way its task store keeps them
 * (counted at start, then adjusted by each change). Written by the managers, read by {@code /debug/vars} from any
 * thread.
 */
public final class TaskCounts {
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong enabled = new AtomicLong();

    /** The counts under their expvar names, for {@code DebugVarsRoutes}. */
    public Map<String, Long> snapshot() {
        return Map.of("num_tasks", tasks.get(), "num_enabled_tasks", enabled.get());
    }
}
