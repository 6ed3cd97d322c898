package kapacitor.api;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * A failure that carries the HTTP status and text Kapacitor answers with. Managers fail bus messages with the same
 * status (see {@link kapacitor.app.Replies}), so the status survives the hop from manager to route.
 */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The HTTP status a failure maps to: its own, a bus failure's code, 503/504 for bus delivery, else 500. */
    public static int statusOf(Throwable e) {
        if (e instanceof ApiException a) {
            return a.status;
        }
        if (e instanceof ReplyException r) {
            if (r.failureType() == ReplyFailure.NO_HANDLERS) {
                return 503;
            }
            if (r.failureType() == ReplyFailure.TIMEOUT) {
                return 504;
            }
            int code = r.failureCode();
            return code >= 400 && code < 600 ? code : 500;
        }
        return 500;
    }
}
