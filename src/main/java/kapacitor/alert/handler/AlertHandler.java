package kapacitor.alert.handler;

import io.vertx.core.Future;
import kapacitor.alert.AlertEvent;

/** Receives the events of a topic one at a time: the next event is handed over once the returned future completes. */
public interface AlertHandler {
    Future<Void> handle(AlertEvent event);

    /** Releases what the handler holds (timers, connections). */
    default void close() {
    }
}
