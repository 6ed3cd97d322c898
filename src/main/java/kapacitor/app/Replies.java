package kapacitor.app;

import kapacitor.model.LocalMessage;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import kapacitor.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a bus request from a manager's Future: the value as the reply, a failure as {@code fail(status, text)}
 * so the route can answer with the same status and text.
 */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private Replies() {
    }

    public static <T> void reply(Message<?> msg, Future<T> result) {
        result.onComplete(ar -> {
            if (ar.succeeded()) {
                Object value = ar.result();
                if (value instanceof LocalMessage) {
                    msg.reply(value, LOCAL);
                } else {
                    msg.reply(value);
                }
            } else {
                Throwable e = ar.cause();
                int status = ApiException.statusOf(e);
                if (status >= 500) {
                    LOG.error("request failed address={}", msg.address(), e);
                }
                msg.fail(status, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }
}
