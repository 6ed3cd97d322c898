package kapacitor.alert;

import io.vertx.core.Context;
import kapacitor.alert.handler.AlertHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * A handler behind a bounded queue (Kapacitor's bufHandler): offering never blocks; a full queue drops the event and
 * counts it. Events are handed to the handler one at a time on the handler's own context, in order.
 */
final class BufferedHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedHandler.class);

    final AlertHandler handler;
    private final Context context;
    private final int capacity;
    private final ArrayDeque<AlertEvent> queue = new ArrayDeque<>();
    private boolean running;
    private boolean closed;
    private long dropped;

    BufferedHandler(AlertHandler handler, Context context, int capacity) {
        this.handler = handler;
        this.context = context;
        this.capacity = capacity;
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
            e = closed ? null : queue.poll();
            if (e == null) {
                running = false;
                return;
            }
        }
        try {
            handler.handle(e).onComplete(ar -> {
                if (ar.failed()) {
                    LOG.error("alert handler failed: {}", ar.cause().getMessage());
                }
                next();
            });
        } catch (RuntimeException ex) {
            LOG.error("alert handler failed: {}", ex.getMessage());
            context.runOnContext(v -> next());
        }
    }

    synchronized void close() {
        closed = true;
        queue.clear();
        context.runOnContext(v -> handler.close());
    }
}
