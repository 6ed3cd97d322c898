package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import kapacitor.alert.AlertEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kapacitor's httppost handler without templates: POSTs the alert data JSON (with json.Encoder's trailing newline)
 * to the URL, with the configured headers. A failed request is reported and the next event goes on.
 */
public final class PostHandler implements AlertHandler {
    private final HttpClient client;
    private final String url;
    private final Map<String, String> headers;
    private final long timeoutMillis;

    public PostHandler(Vertx vertx, String url, Map<String, String> headers, long timeoutMillis) {
        this.client = vertx.createHttpClient();
        this.url = url;
        this.headers = new LinkedHashMap<>(headers);
        this.timeoutMillis = timeoutMillis;
    }

    /** A handler for a {@code [[httppost]]} endpoint: its URL, then its headers overridden by the handler's own. */
    public static PostHandler forEndpoint(Vertx vertx, PostEndpoint endpoint, Map<String, String> headers,
                                          long timeoutMillis) {
        Map<String, String> h = new LinkedHashMap<>(endpoint.headers());
        h.putAll(headers);
        return new PostHandler(vertx, endpoint.url(), h, timeoutMillis);
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        Buffer body = Buffer.buffer(event.alertDataJson() + "\n");
        RequestOptions opts = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
            .putHeader("Content-Type", "application/json");
        headers.forEach(opts::putHeader);
        if (timeoutMillis > 0) {
            opts.setIdleTimeout(timeoutMillis);
        }
        return client.request(opts)
            .compose(req -> req.send(body))
            .compose(resp -> resp.body())
            .mapEmpty();
    }

    @Override
    public void close() {
        client.close();
    }
}
