package kapacitor.api.diag;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import kapacitor.service.diag.LogLine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code GET /logs} client: the lines that pass its filters, queued by logging threads and written by the
 * response's event loop. The queue is bounded so a slow client never holds memory or blocks logging: past
 * {@link #MAX_QUEUED} lines, new lines are dropped until the client catches up.
 */
final class LogSession {
    static final int MAX_QUEUED = 1024;

    private final Context context;
    private final HttpServerResponse response;
    private final boolean json;
    private final int minLevel;
    private final List<Map.Entry<String, String>> tags;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    LogSession(Context context, HttpServerResponse response, boolean json, int minLevel,
               List<Map.Entry<String, String>> tags) {
        this.context = context;
        this.response = response;
        this.json = json;
        this.minLevel = minLevel;
        this.tags = List.copyOf(tags);
    }

    /** Called on the logging thread: filters, formats and queues; never blocks. */
    void offer(LogLine line) {
        if (closed || rank(line.level()) < minLevel || !line.matches(tags)) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return;
        }
        queue.add(json ? line.json() : line.logfmt());
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    void close() {
        closed = true;
        queue.clear();
    }

    /** On the response's context: writes what is queued while the connection accepts more. */
    private void drain() {
        scheduled.set(false);
        while (!closed) {
            if (response.writeQueueFull()) {
                response.drainHandler(v -> drain());
                return;
            }
            String next = queue.poll();
            if (next == null) {
                return;
            }
            queued.decrementAndGet();
            response.write(next);
        }
    }

    /** Kapacitor's levels in order (warn, which Kapacitor has not, between info and error). */
    static int rank(String level) {
        switch (level) {
            case "error":
                return 3;
            case "warn":
                return 2;
            case "info":
                return 1;
            default:
                return 0;
        }
    }
}
