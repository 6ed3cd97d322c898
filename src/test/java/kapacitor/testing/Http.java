package kapacitor.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;

/** A small HTTP client for API tests: real HTTP over loopback, whole responses. */
public final class Http {
    // WebClient buffers each response itself, in the handler that receives it: a plain HttpClient chain composed from
    // the test thread can miss the end of a fast response (resp.body() attached after the response completed).
    private final WebClient client;
    private final int port;

    public Http(Vertx vertx, int port) {
        this(vertx, port, new HttpClientOptions());
    }

    public Http(Vertx vertx, int port, HttpClientOptions options) {
        this.client = WebClient.create(vertx, new WebClientOptions(options.setDefaultHost("127.0.0.1")
            .setDefaultPort(port)).setFollowRedirects(false).setDecompressionSupported(false));
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
        HttpRequest<Buffer> req = client.request(method, uri);
        if (headers != null) {
            req.putHeaders(headers);
        }
        return (body == null ? req.send() : req.sendBuffer(body))
            .map(resp -> new Response(resp.statusCode(), resp.headers(),
                resp.body() == null ? Buffer.buffer() : resp.body()));
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

    public void close() {
        client.close();
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
