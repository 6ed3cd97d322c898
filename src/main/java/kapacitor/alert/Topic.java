package kapacitor.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One topic: the latest state of each event id, its handlers and the count of events collected. */
public final class Topic {
    private final String id;
    private final Map<String, EventState> events = new HashMap<>();
    final List<BufferedHandler> handlers = new ArrayList<>();
    private long collected;

    Topic(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Stores the new state and returns the previous one, or null. */
    synchronized EventState update(EventState s) {
        return events.put(s.id(), s);
    }

    synchronized void count() {
        collected++;
    }

    public synchronized long collected() {
        return collected;
    }

    synchronized void restore(Map<String, EventState> states) {
        events.clear();
        events.putAll(states);
    }

    public synchronized EventState eventState(String eventId) {
        return events.get(eventId);
    }

    /** The highest level of any event, OK when there is none. */
    public synchronized Level maxLevel() {
        Level max = Level.OK;
        for (EventState s : events.values()) {
            if (s.level().compareTo(max) > 0) {
                max = s.level();
            }
        }
        return max;
    }

    /** Events at or above {@code min}, sorted by id. */
    public synchronized Map<String, EventState> eventStates(Level min) {
        Map<String, EventState> out = new LinkedHashMap<>();
        events.values().stream().filter(s -> s.level().compareTo(min) >= 0)
            .sorted(Comparator.comparing(EventState::id)).forEach(s -> out.put(s.id(), s));
        return out;
    }

    synchronized List<BufferedHandler> handlers() {
        return List.copyOf(handlers);
    }
}
