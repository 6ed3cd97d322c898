package kapacitor.alert;

import io.vertx.core.Context;
import kapacitor.alert.handler.AlertHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * A handler behind a bounded queue (Kapacitor's bufHandler): offering never blocks; a full queue drops the event and
 * counts it. Events are handed to the handler one at a time on the handler's own context, in order. Closing takes no
 * new events but hands on those already queued before the handler closes, as Kapacitor's Close waits for its queue.
 * {@code outstanding} counts the events queued or being handled (shared by the topic's handlers).
 */
final class BufferedHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedHandler.class);

    final AlertHandler handler;
    private final Context context;
    private final int capacity;
    private final java.util.concurrent.atomic.AtomicLong outstanding;
    private final ArrayDeque<AlertEvent> queue = new ArrayDeque<>();
    private boolean running;
    private boolean closed;
    private long dropped;

    BufferedHandler(AlertHandler handler, Context context, int capacity,
                    java.util.concurrent.atomic.AtomicLong outstanding) {
        this.handler = handler;
        this.context = context;
        this.capacity = capacity;
        this.outstanding = outstanding;
    }

    /** False when the queue is full: the event is dropped (Kapacitor: "failed to deliver event"). */
    synchronized boolean offer(AlertEvent e) {
        if (closed) {
            return true;
        }
        if (queue.size() >= capacity) {
            dropped++;
            LOG.error("failed to deliver event {} to handler: queue full", e.state().id());
            return false;
        }
        queue.add(e);
        outstanding.incrementAndGet();
        if (!running) {
            running = true;
            context.runOnContext(v -> next());
        }
        return true;
    }

    synchronized long dropped() {
        return dropped;
    }

    private void next() {
        AlertEvent e;
        synchronized (this) {
            e = queue.poll();
            if (e == null) {
                running = false;
                if (closed) {
                    handler.close();
                }
                return;
            }
        }
        try {
            handler.handle(e).onComplete(ar -> {
                if (ar.failed()) {
                    LOG.error("alert handler failed: {}", ar.cause().getMessage());
                }
                outstanding.decrementAndGet();
                next();
            });
        } catch (RuntimeException ex) {
            LOG.error("alert handler failed: {}", ex.getMessage());
            outstanding.decrementAndGet();
            context.runOnContext(v -> next());
        }
    }

    /** Takes no more events; the queued ones are still handled, then the handler closes. */
    synchronized void close() {
        closed = true;
        if (!running) {
            context.runOnContext(v -> handler.close());
        }
    }
}
