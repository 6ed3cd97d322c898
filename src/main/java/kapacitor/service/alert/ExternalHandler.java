package kapacitor.service.alert;

import io.vertx.core.Future;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.handler.AlertHandler;

/**
 * A handler that talks to the outside world: it skips the events an aggregate handler marked internal-only
 * (Kapacitor's externalHandler and Event.NoExternal).
 */
final class ExternalHandler implements AlertHandler {
    private final AlertHandler inner;

    ExternalHandler(AlertHandler inner) {
        this.inner = inner;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return event.noExternal() ? Future.succeededFuture() : inner.handle(event);
    }

    @Override
    public void close() {
        inner.close();
    }
}
