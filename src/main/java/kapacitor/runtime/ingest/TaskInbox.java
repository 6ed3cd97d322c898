package kapacitor.runtime.ingest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One task's way in: its bus address and a credit count of frames sent but not yet processed. When a task falls
 * behind by more than {@code maxInFlight} frames, new frames are dropped and counted for that task only, so one slow
 * task never stalls ingest or the other tasks. Shared by every ingest thread; lock-free.
 */
public final class TaskInbox {
    private final String taskId;
    private final String address;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder pointsDropped = new LongAdder();

    public TaskInbox(String taskId, String address, int maxInFlight) {
        this.taskId = taskId;
        this.address = address;
        this.maxInFlight = maxInFlight;
    }

    public String taskId() {
        return taskId;
    }

    public String address() {
        return address;
    }

    /** Takes a credit for one frame; false when the task is too far behind. */
    boolean tryAcquire() {
        while (true) {
            int n = inFlight.get();
            if (n >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Called by the consumer once it has processed a frame. */
    public void done() {
        inFlight.decrementAndGet();
    }

    void dropped(int points) {
        pointsDropped.add(points);
    }

    public long pointsDropped() {
        return pointsDropped.sum();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
