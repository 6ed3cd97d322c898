package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import kapacitor.pipeline.HandlerDef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the handlers an alert node declares in its script (.post(), .tcp(), .exec(), .log(), and the
 * service-backed kinds of {@link HandlerFactory}). */
public final class HandlerDefs {
    private HandlerDefs() {
    }

    public static AlertHandler create(Vertx vertx, HandlerDef h) {
        switch (h.type()) {
            case "post": {
                Map<String, String> headers = new LinkedHashMap<>();
                for (List<Object> call : h.calls("Header")) {
                    headers.put(String.valueOf(call.get(0)), String.valueOf(call.get(1)));
                }
                long timeout = h.durationNanos("Timeout") / 1_000_000L;
                String url = h.stringValue("URL");
                String endpoint = h.stringValue("Endpoint");
                if (url.isEmpty() && endpoint.isEmpty()) {
                    throw new IllegalArgumentException("Either URL or endpoint must be non-empty");
                }
                if (!url.isEmpty()) {
                    return new PostHandler(vertx, url, headers, timeout);
                }
                PostEndpoint e = PostEndpoints.of(vertx).get(endpoint);
                if (e == null) {
                    throw new IllegalArgumentException("failed to create HTTPPostService.Handler: endpoint '"
                        + endpoint + "' does not exist");
                }
                return PostHandler.forEndpoint(vertx, e, headers, timeout);
            }
            case "tcp":
                return new TcpHandler(vertx, h.stringValue("Address"));
            case "exec": {
                List<String> cmd = h.allValues("Command").stream().map(String::valueOf).toList();
                return new ExecHandler(vertx, cmd.get(0), cmd.subList(1, cmd.size()));
            }
            case "log": {
                long mode = h.longValue("Mode");
                try {
                    return new LogHandler(vertx, h.stringValue("FilePath"),
                        mode == 0 ? LogHandler.DEFAULT_MODE : (int) mode);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("failed to create log alert handler: " + e.getMessage());
                }
            }
            default:
                if (HandlerFactory.kindOf(h) != null) {
                    return HandlerFactory.create(vertx, h);
                }
                throw new IllegalArgumentException("alert handler " + h.type() + " is not supported yet");
        }
    }
}
