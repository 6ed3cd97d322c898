package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import kapacitor.api.Json;

import java.util.Map;

/**
 * The non-blocking HTTP client the HTTP-based handlers share a pattern of: one request, bounded by connect and idle
 * timeouts so a dead peer cannot hold a topic's queue forever, answered with the status and body.
 */
final class HttpSender {
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final long IDLE_TIMEOUT_MS = 30_000;

    record Response(int status, String body) {
    }

    private final HttpClient client;

    HttpSender(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
    }

    Future<Response> send(HttpMethod method, String url, Map<String, String> headers, Buffer body) {
        RequestOptions opts;
        try {
            opts = new RequestOptions().setMethod(method).setAbsoluteURI(url).setIdleTimeout(IDLE_TIMEOUT_MS);
        } catch (RuntimeException e) {
            return Future.failedFuture(new HandlerException("invalid URL " + url + ": " + e.getMessage()));
        }
        headers.forEach(opts::putHeader);
        return client.request(opts)
            .compose(req -> body == null ? req.send() : req.send(body))
            .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString())));
    }

    Future<Response> postJson(String url, Map<String, String> headers, Buffer body) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.putAll(headers);
        return send(HttpMethod.POST, url, h, body);
    }

    /** Go's json.Encoder output: compact JSON with Go's escaping and a trailing newline. */
    static Buffer goEncode(Object value) {
        return Json.compact(value).appendString("\n");
    }

    /** Go's json.Marshal output (no trailing newline). */
    static Buffer goMarshal(Object value) {
        return Json.compact(value);
    }

    /**
     * A decoded JSON value as Go's encoding/json writes a map[string]interface{}: object keys sorted, whole numbers
     * without a fraction (float64 9001 is {@code 9001}).
     */
    static Object goValue(Object v) {
        if (v instanceof io.vertx.core.json.JsonObject o) {
            return goValue(o.getMap());
        }
        if (v instanceof io.vertx.core.json.JsonArray a) {
            return goValue(a.getList());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), goValue(val)));
            return out;
        }
        if (v instanceof java.util.List<?> l) {
            return l.stream().map(HttpSender::goValue).toList();
        }
        if ((v instanceof Double || v instanceof Float) && ((Number) v).doubleValue() == Math.rint(
            ((Number) v).doubleValue()) && Math.abs(((Number) v).doubleValue()) < 1e21) {
            return ((Number) v).longValue();
        }
        return v;
    }

    /** Fails unless the status is one of the accepted ones, with the message Kapacitor derives from the body. */
    static Future<Void> expect(Response resp, java.util.function.Function<Response, String> error, int... ok) {
        for (int s : ok) {
            if (resp.status() == s) {
                return Future.succeededFuture();
            }
        }
        return Future.failedFuture(new HandlerException(error.apply(resp)));
    }

    /** A string field of a JSON error body, or the fallback when the body is not such JSON. */
    static String errorField(String body, String field, String fallback) {
        try {
            Object v = new io.vertx.core.json.JsonObject(body).getValue(field);
            return v instanceof String s ? s : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    void close() {
        client.close();
    }
}
