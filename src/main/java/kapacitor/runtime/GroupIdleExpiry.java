package kapacitor.runtime;

import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Message;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The groups one from() node has emitted, least recently seen first, so that groups idle for longer than the task's
 * group-idle-timeout can be deleted as Kapacitor's {@code barrier().delete(TRUE)} deletes them: a delete message
 * down the pipeline makes every grouped node drop the group's state, which bounds a task's memory by its active
 * groups. Seeing a point costs one map update; finding the expired groups only looks at the oldest entries.
 */
final class GroupIdleExpiry {
    private record Seen(DeleteGroupMessage delete, long wallNanos) {
    }

    private final long timeoutNanos;
    /** Oldest first: a group seen again is removed and put back at the end. */
    private final LinkedHashMap<String, Seen> groups = new LinkedHashMap<>();

    GroupIdleExpiry(long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("group idle timeout must be positive");
        }
        this.timeoutNanos = timeoutNanos;
    }

    /** Records the data messages the node emitted at wall-clock time {@code nowNanos}. */
    void seen(List<Message> emitted, long nowNanos) {
        for (int i = 0; i < emitted.size(); i++) {
            Message m = emitted.get(i);
            if (!m.isData()) {
                continue;
            }
            Seen previous = groups.remove(m.groupId());
            groups.put(m.groupId(), new Seen(previous != null ? previous.delete : DeleteGroupMessage.of(m), nowNanos));
        }
    }

    /** Removes and returns the delete messages of the groups that saw no data for the timeout by {@code nowNanos}. */
    List<DeleteGroupMessage> expire(long nowNanos) {
        List<DeleteGroupMessage> expired = new ArrayList<>();
        Iterator<Seen> it = groups.values().iterator();
        while (it.hasNext()) {
            Seen s = it.next();
            if (nowNanos - s.wallNanos < timeoutNanos) {
                break;
            }
            expired.add(s.delete);
            it.remove();
        }
        return expired;
    }

    int size() {
        return groups.size();
    }

    /** How often to look for expired groups: often enough for the timeout, at most once a second. */
    long checkIntervalNanos() {
        return Math.max(1_000_000L, Math.min(timeoutNanos, 1_000_000_000L));
    }
}
