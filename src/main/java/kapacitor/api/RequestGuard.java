package kapacitor.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * A check every routed request passes before its handler runs (authentication, when enabled). Called on the event
 * loop after the route is known and, for buffered routes, after the body is read.
 */
public interface RequestGuard {
    /**
     * Succeeds to let the request through; fails with a {@link Rejection} to answer with it instead, or with any other
     * failure to answer through the {@link FailureHandler}.
     */
    Future<Void> admit(RoutingContext ctx);

    /** A guard's own answer: the status and body are written as given (the common headers are already set). */
    final class Rejection extends RuntimeException {
        private final int status;
        private final transient Buffer body;

        public Rejection(int status, Buffer body) {
            super("request rejected with status " + status, null, false, false);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public Buffer body() {
            return body;
        }
    }
}
