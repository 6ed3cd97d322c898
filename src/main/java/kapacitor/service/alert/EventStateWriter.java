package kapacitor.service.alert;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.store.EventStateRecord;
import kapacitor.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes topic event states through to the store. Task threads only enqueue; the manager's context drains the queue
 * in order, one batch at a time, keeping the last state per event (so a burst costs one transaction). An OK state
 * deletes the stored one, as Kapacitor clears an event's history on recovery.
 */
final class EventStateWriter implements Topics.StateSink {
    private static final Logger LOG = LoggerFactory.getLogger(EventStateWriter.class);

    private record Op(String topic, EventState state) {
        boolean dropsTopic() {
            return state == null;
        }
    }

    private record Key(String topic, String id) {
    }

    private final Store store;
    private final Context context;
    private final ConcurrentLinkedQueue<Op> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private boolean writing;
    private final List<Promise<Void>> idleWaiters = new ArrayList<>();

    EventStateWriter(Store store, Context context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public void stateChanged(String topic, EventState state) {
        queue.add(new Op(topic, state));
        schedule();
    }

    @Override
    public void topicDeleted(String topic) {
        queue.add(new Op(topic, null));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        scheduled.set(false);
        if (writing) {
            return;
        }
        List<Op> batch = new ArrayList<>();
        for (Op op; (op = queue.poll()) != null; ) {
            batch.add(op);
        }
        if (batch.isEmpty()) {
            idleWaiters.forEach(Promise::complete);
            idleWaiters.clear();
            return;
        }
        writing = true;
        write(batch).onComplete(ar -> {
            if (ar.failed()) {
                LOG.error("msg=\"failed to store alert event states\" error=\"{}\"", ar.cause().getMessage());
            }
            writing = false;
            drain();
        });
    }

    /** Writes the ops in order: runs of state changes coalesced per event, topic deletions between them. */
    private Future<Void> write(List<Op> batch) {
        Future<Void> chain = Future.succeededFuture();
        Map<Key, EventState> run = new LinkedHashMap<>();
        for (Op op : batch) {
            if (op.dropsTopic()) {
                Map<Key, EventState> states = new LinkedHashMap<>(run);
                run.clear();
                chain = chain.compose(v -> writeStates(states))
                    .compose(v -> store.eventStates().deleteTopic(op.topic()).mapEmpty());
            } else {
                run.put(new Key(op.topic(), op.state().id()), op.state());
            }
        }
        Map<Key, EventState> states = new LinkedHashMap<>(run);
        return chain.compose(v -> writeStates(states));
    }

    private Future<Void> writeStates(Map<Key, EventState> states) {
        List<EventStateRecord> puts = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<Key, EventState> e : states.entrySet()) {
            EventState s = e.getValue();
            if (s.level() == Level.OK) {
                chain = chain.compose(v -> store.eventStates().delete(e.getKey().topic(), s.id()).mapEmpty());
            } else {
                puts.add(new EventStateRecord(e.getKey().topic(), s.id(), s.level().name(), 1, s.toData()));
            }
        }
        return puts.isEmpty() ? chain : chain.compose(v -> store.eventStates().putAll(puts));
    }

    /** Completes once everything enqueued so far is written (call on the writer's context). */
    Future<Void> flush() {
        Promise<Void> p = Promise.promise();
        idleWaiters.add(p);
        if (!writing) {
            drain();
        }
        return p.future();
    }
}
