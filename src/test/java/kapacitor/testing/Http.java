package kapacitor.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;

/** A small HTTP client for API tests: real HTTP over loopback, whole responses. */
public final class Http {
    private final HttpClient client;
    private final int port;

    public Http(Vertx vertx, int port) {
        this(vertx, port, new HttpClientOptions());
    }

    public Http(Vertx vertx, int port, HttpClientOptions options) {
        this.client = vertx.createHttpClient(options.setDefaultHost("127.0.0.1").setDefaultPort(port));
        this.port = port;
    }

    public int port() {
        return port;
    }

    public record Response(int status, MultiMap headers, Buffer body) {
        public JsonObject json() {
            return body.toJsonObject();
        }

        public JsonArray jsonArray() {
            return body.toJsonArray();
        }

        public String text() {
            return body.toString();
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    public Future<Response> request(HttpMethod method, String uri, Buffer body, MultiMap headers) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(uri);
        if (headers != null) {
            options.setHeaders(headers);
        }
        return client.request(options)
            .compose(req -> body == null ? req.send() : req.send(body))
            .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), resp.headers(), b)));
    }

    public Future<Response> get(String uri) {
        return request(HttpMethod.GET, uri, null, null);
    }

    public Future<Response> delete(String uri) {
        return request(HttpMethod.DELETE, uri, null, null);
    }

    public Future<Response> post(String uri, String body) {
        return request(HttpMethod.POST, uri, body == null ? null : Buffer.buffer(body), null);
    }

    public Future<Response> post(String uri, JsonObject body) {
        return request(HttpMethod.POST, uri, body.toBuffer(), null);
    }

    public Future<Response> patch(String uri, JsonObject body) {
        return request(HttpMethod.PATCH, uri, body.toBuffer(), null);
    }

    public Future<Void> close() {
        return client.close();
    }

    /** A port free on loopback right now (tests start servers on it). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
