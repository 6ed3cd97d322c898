package kapacitor.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Kapacitor's {@code log-enabled} request log: one key=value line per request with the same fields as its
 * services/httpd/logger.go (host, username, start, method, uri, protocol, status, referer, user-agent, request-id,
 * duration). Passwords in the query are redacted as Kapacitor does.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("kapacitor.http");

    void log(RoutingContext ctx, String requestId, long startNanos) {
        HttpServerRequest req = ctx.request();
        String host = req.remoteAddress() == null ? "-" : req.remoteAddress().hostAddress();
        String user = ctx.request().getParam("u");
        String uri = req.uri().replaceAll("([?&]p=)[^&]*", "$1[REDACTED]");
        long micros = (System.nanoTime() - startNanos) / 1000;
        LOG.info("msg=\"http request\" host={} username={} start={} method={} uri={} protocol={} "
                + "status={} referer={} user-agent=\"{}\" request-id={} duration={}us",
            host, user == null || user.isEmpty() ? "-" : user, Instant.now(), req.method(), uri,
            req.version() == null ? "-" : req.version().alpnName().toUpperCase(), ctx.response().getStatusCode(),
            orDash(req.getHeader("Referer")), orDash(req.getHeader("User-Agent")), requestId, micros);
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
