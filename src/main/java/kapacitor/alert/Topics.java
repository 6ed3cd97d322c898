package kapacitor.alert;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.shareddata.Shareable;
import kapacitor.alert.handler.AlertHandler;
import kapacitor.model.Tags;
import kapacitor.util.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alert topics of this node (Kapacitor's alert.Topics plus the service's inhibitor lookup). Alert nodes call it
 * from their task threads; the alert manager from its own: every method is thread-safe and none blocks on I/O.
 * Each collected event is also published, as JSON, for in-JVM consumers on {@link #EVENTS_ADDRESS} and on
 * {@link #topicAddress(String)}.
 */
public final class Topics implements Shareable {
    /** Every alert event of every topic, as a JSON object: {@code topic} plus Kapacitor's alert data fields. */
    public static final String EVENTS_ADDRESS = "kapacitor.alerts.events";
    /** Kapacitor's default handler queue length (alert.DefaultEventBufferSize). */
    public static final int DEFAULT_BUFFER = 5000;

    /** Receives each event state change so it can be written through to the store. */
    public interface StateSink {
        void stateChanged(String topic, EventState state);

        void topicDeleted(String topic);
    }

    /** Sends an event to the node that owns its topic (cluster mode); standalone there is none. */
    public interface Router {
        /** True when the event went to another node, which collects it; false to collect it here. */
        boolean forward(AlertEvent event);
    }

    private final Vertx vertx;
    private final int bufferSize;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    /** Raised event states of closed topics (a stopped task's anonymous topic), revived on next use. */
    private final Map<String, Map<String, EventState>> closed = new ConcurrentHashMap<>();
    private final List<Inhibitor> inhibitors = new CopyOnWriteArrayList<>();
    /** Per topic: events its handlers have queued or are handling, closed handlers included. */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> outstanding = new ConcurrentHashMap<>();
    private volatile StateSink sink;
    private volatile Router router;

    public Topics(Vertx vertx, int bufferSize) {
        this.vertx = vertx;
        this.bufferSize = bufferSize;
    }

    /** The node's topics, created on first use. */
    public static Topics of(Vertx vertx) {
        return (Topics) vertx.sharedData().getLocalMap("kapacitor.alert")
            .computeIfAbsent("topics", k -> new Topics(vertx, DEFAULT_BUFFER));
    }

    public static String topicAddress(String topic) {
        return "kapacitor.alerts.topic." + topic;
    }

    public void stateSink(StateSink s) {
        this.sink = s;
    }

    public void router(Router r) {
        this.router = r;
    }

    private Topic ensure(String id) {
        return topics.computeIfAbsent(id, k -> {
            Topic t = new Topic(k);
            Map<String, EventState> states = closed.remove(k);
            if (states != null) {
                t.restore(states);
            }
            return t;
        });
    }

    /**
     * Takes the topic out of service without deleting its state (Kapacitor's CloseTopic, when a task stops): it is
     * no longer listed and its handlers are closed; its raised events come back, as Kapacitor reloads them from its
     * store (where recoveries are not kept), when the topic is next used.
     */
    public void closeTopic(String id) {
        Topic t = topics.remove(id);
        if (t == null) {
            return;
        }
        t.handlers().forEach(BufferedHandler::close);
        Map<String, EventState> raised = new java.util.HashMap<>();
        t.eventStates(Level.INFO).forEach(raised::put);
        closed.put(id, raised);
    }

    /** The ids of every topic, open or closed. */
    public java.util.Set<String> topicIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>(topics.keySet());
        ids.addAll(closed.keySet());
        return ids;
    }

    public Topic topic(String id) {
        return topics.get(id);
    }

    /**
     * Records the event in its topic and hands it to each handler's queue. Returns false when a handler's queue was
     * full and the event was dropped for it.
     */
    public boolean collect(AlertEvent event) {
        Router r = router;
        if (r != null && r.forward(event)) {
            return true;
        }
        return collectHere(event);
    }

    /** {@link #collect} on this node whoever owns the topic: for events another node forwarded here. */
    public boolean collectHere(AlertEvent event) {
        Topic t = ensure(event.topic());
        EventState prev = t.update(event.state());
        AlertEvent e = event.withPrevious(prev);
        t.count();
        StateSink s = sink;
        if (s != null) {
            s.stateChanged(t.id(), e.state());
        }
        String json = "{\"topic\":" + quote(t.id()) + "," + e.alertDataJson().substring(1);
        // In-JVM consumers only: on a clustered bus a plain publish would reach every node.
        DeliveryOptions opts = new DeliveryOptions().addHeader("topic", t.id()).setLocalOnly(true);
        vertx.eventBus().publish(EVENTS_ADDRESS, json, opts);
        vertx.eventBus().publish(topicAddress(t.id()), json, opts);
        boolean ok = true;
        for (BufferedHandler h : t.handlers()) {
            ok &= h.offer(e);
        }
        return ok;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder();
        kapacitor.runtime.operator.GoJson.string(b, s);
        return b.toString();
    }

    public EventState eventState(String topic, String eventId) {
        Topic t = topics.get(topic);
        return t == null ? null : t.eventState(eventId);
    }

    /** Sets a topic's state without running handlers (Kapacitor's UpdateEvent). */
    public void updateEvent(String topic, EventState state) {
        ensure(topic).update(state);
        StateSink s = sink;
        if (s != null) {
            s.stateChanged(topic, state);
        }
    }

    /** Restores a topic's event states read from the store, replacing what it held. */
    public void restore(String topic, Map<String, EventState> states) {
        ensure(topic).restore(states);
    }

    public void registerHandler(String topic, AlertHandler h) {
        Context ctx = vertx.getOrCreateContext();
        Topic t = ensure(topic);
        synchronized (t) {
            t.handlers.add(new BufferedHandler(h, ctx, bufferSize,
                outstanding.computeIfAbsent(topic, k -> new java.util.concurrent.atomic.AtomicLong())));
        }
    }

    public void deregisterHandler(String topic, AlertHandler h) {
        Topic t = topics.get(topic);
        if (t == null) {
            return;
        }
        synchronized (t) {
            t.handlers.removeIf(b -> {
                if (b.handler == h) {
                    b.close();
                    return true;
                }
                return false;
            });
        }
    }

    /**
     * True once the handlers of every topic whose id starts with {@code prefix} have handled every event given to
     * them, those of handlers closed since included: a replay is done only when its alerts are written (Kapacitor's
     * handlers finish their queue before its replay ends).
     */
    public boolean handled(String prefix) {
        for (Map.Entry<String, java.util.concurrent.atomic.AtomicLong> e : outstanding.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue().get() > 0) {
                return false;
            }
        }
        // Counters of closed topics are not needed any more (a replay's topics are not used again).
        outstanding.keySet().removeIf(k -> k.startsWith(prefix) && !topics.containsKey(k)
            && outstanding.get(k) != null && outstanding.get(k).get() == 0);
        return true;
    }

    /** Events dropped by the topic's handler queues. */
    public long dropped(String topic) {
        Topic t = topics.get(topic);
        return t == null ? 0 : t.handlers().stream().mapToLong(BufferedHandler::dropped).sum();
    }

    public boolean deleteTopic(String topic) {
        boolean wasClosed = closed.remove(topic) != null;
        Topic t = topics.remove(topic);
        if (t != null) {
            t.handlers().forEach(BufferedHandler::close);
        }
        StateSink s = sink;
        if (s != null) {
            s.topicDeleted(topic);
        }
        return t != null || wasClosed;
    }

    /** Topics matching the pattern (Kapacitor's path.Match rules, "" for all) whose max level is at least min. */
    public Map<String, Topic> topics(String pattern, Level min) {
        Map<String, Topic> out = new TreeMap<>();
        for (Topic t : new ArrayList<>(topics.values())) {
            if (Glob.matchesOrEmpty(pattern, t.id()) && t.maxLevel().compareTo(min) >= 0) {
                out.put(t.id(), t);
            }
        }
        return out;
    }

    public void addInhibitor(Inhibitor i) {
        inhibitors.add(i);
    }

    public void removeInhibitor(Inhibitor i) {
        inhibitors.remove(i);
    }

    public boolean isInhibited(String category, Tags tags) {
        for (Inhibitor i : inhibitors) {
            if (i.isInhibited(category, tags)) {
                return true;
            }
        }
        return false;
    }
}
