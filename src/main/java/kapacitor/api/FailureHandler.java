package kapacitor.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place failures become responses: {@code {"error": ..., "message": ...}} (Kapacitor 1.6 sends both, with
 * the same text) and the status from {@link ApiException#statusOf}. Client errors log at debug, server errors once
 * at error with the stack.
 */
public final class FailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    private final long maxBodySize;

    public FailureHandler(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String text;
        if (failure == null || failure instanceof HttpException) {
            status = failure == null ? ctx.statusCode() : ((HttpException) failure).getStatusCode();
            if (status < 400) {
                status = 500;
            }
            text = textFor(status, failure);
        } else {
            status = ApiException.statusOf(failure);
            text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        }
        if (status >= 500) {
            LOG.error("request failed method={} uri={} status={}", ctx.request().method(), ctx.request().uri(),
                status, failure);
        } else {
            LOG.debug("request rejected method={} uri={} status={} error={}", ctx.request().method(),
                ctx.request().uri(), status, text);
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response().setStatusCode(status);
        if (status == 413) {
            // The rest of the oversized body was never read: this connection cannot carry another request.
            ctx.response().putHeader("Connection", "close");
            ctx.response().endHandler(v -> ctx.request().connection().close());
        }
        writeError(ctx, text);
    }

    public static void writeError(RoutingContext ctx, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", text);
        body.put("message", text);
        ctx.response()
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .end(Json.pretty(body));
    }

    private String textFor(int status, Throwable failure) {
        if (status == 413) {
            return "request body too large: the limit is " + maxBodySize + " bytes ([http] max-body-size)";
        }
        if (status == 404) {
            return "Not Found";
        }
        if (failure instanceof HttpException h && h.getPayload() != null) {
            return h.getPayload();
        }
        if (failure != null && failure.getCause() != null && failure.getCause().getMessage() != null) {
            return failure.getCause().getMessage();
        }
        String reason = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        return reason == null ? "error " + status : reason;
    }
}
