package kapacitor.influxdb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * InfluxDB 1.x over HTTP with a Vert.x WebClient, as Kapacitor's influxdb.HTTPClient talks to it: POST {@code /query}
 * with {@code q} and {@code db}, POST {@code /write} with db, rp, precision and consistency, basic auth or a token,
 * user agent {@code KapacitorInfluxDBClient}, the URLs used in turn. Thread-safe; callbacks run on the caller's
 * context.
 */
public final class HttpInfluxDBClient implements InfluxDBClient {
    private static final String USER_AGENT = "KapacitorInfluxDBClient";

    private final WebClient client;
    private final List<URI> urls;
    private final String authorization;
    private final boolean gzip;
    private final long timeoutMillis;
    private final AtomicInteger index = new AtomicInteger();

    public HttpInfluxDBClient(Vertx vertx, InfluxDBConfig config) {
        if (config.urls().isEmpty()) {
            throw new IllegalArgumentException("must specify at least one InfluxDB URL");
        }
        this.urls = config.urls().stream().map(URI::create).toList();
        WebClientOptions options = new WebClientOptions().setUserAgent(USER_AGENT);
        if (config.timeoutNanos() > 0) {
            options.setIdleTimeout((int) Math.max(1, config.timeoutNanos() / 1_000_000_000L));
            options.setConnectTimeout((int) Math.max(1, config.timeoutNanos() / 1_000_000L));
        }
        if (config.insecureSkipVerify()) {
            options.setTrustAll(true).setVerifyHost(false);
        }
        if (!config.sslCa().isEmpty()) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(config.sslCa()));
        }
        if (!config.sslCert().isEmpty() && !config.sslKey().isEmpty()) {
            options.setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.sslCert())
                .setKeyPath(config.sslKey()));
        }
        this.client = WebClient.create(vertx, options);
        if (!config.token().isEmpty()) {
            authorization = "Token " + config.token();
        } else if (!config.username().isEmpty()) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
        this.gzip = config.gzip();
        this.timeoutMillis = config.timeoutNanos() / 1_000_000L;
    }

    @Override
    public Future<QueryResponse> query(String command, String db) {
        return request("/query").addQueryParam("q", command).addQueryParam("db", db == null ? "" : db).send()
            .compose(HttpInfluxDBClient::decodeQuery);
    }

    private static Future<QueryResponse> decodeQuery(HttpResponse<Buffer> r) {
        JsonObject body;
        try {
            body = r.bodyAsJsonObject();
        } catch (DecodeException e) {
            return Future.failedFuture("invalid response from InfluxDB: " + e.getMessage());
        }
        if (r.statusCode() != 200) {
            return Future.failedFuture(errorText(r, body));
        }
        QueryResponse resp = QueryResponse.parse(body == null ? new JsonObject() : body);
        String err = resp.firstError();
        return err == null ? Future.succeededFuture(resp) : Future.failedFuture(err);
    }

    /** GET {@code /ping}: succeeds on 204 as Kapacitor's client.Ping; fails with the error text otherwise. */
    public Future<Void> ping() {
        return request(io.vertx.core.http.HttpMethod.GET, "/ping").send().compose(r -> r.statusCode() == 204
            ? Future.succeededFuture() : Future.failedFuture(errorText(r, null)));
    }

    @Override
    public Future<Void> write(WriteTarget target, Buffer lines) {
        HttpRequest<Buffer> req = request("/write")
            .addQueryParam("db", target.database())
            .addQueryParam("rp", target.retentionPolicy())
            .addQueryParam("precision", target.precision())
            .addQueryParam("consistency", target.consistency())
            .putHeader("Content-Type", "application/octet-stream");
        Buffer body = lines;
        if (gzip) {
            req.putHeader("Content-Encoding", "gzip");
            body = gzip(lines);
        }
        return req.sendBuffer(body).compose(r -> {
            if (r.statusCode() == 204 || r.statusCode() == 200) {
                return Future.succeededFuture();
            }
            JsonObject json = null;
            try {
                json = r.bodyAsJsonObject();
            } catch (DecodeException notJson) {
                // the status alone then
            }
            return Future.failedFuture(errorText(r, json));
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private HttpRequest<Buffer> request(String path) {
        return request(io.vertx.core.http.HttpMethod.POST, path);
    }

    private HttpRequest<Buffer> request(io.vertx.core.http.HttpMethod method, String path) {
        URI base = urls.get(Math.floorMod(index.incrementAndGet(), urls.size()));
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        HttpRequest<Buffer> req = client.request(method, port, base.getHost(), prefix + path).ssl(ssl);
        if (timeoutMillis > 0) {
            req.timeout(timeoutMillis);
        }
        if (authorization != null) {
            req.putHeader("Authorization", authorization);
        }
        return req;
    }

    /** The server's {"error": ...} text when it sent one, else the status line. */
    private static String errorText(HttpResponse<Buffer> r, JsonObject body) {
        if (body != null && body.getString("error") != null) {
            return body.getString("error");
        }
        return "received status code " + r.statusCode() + " from server";
    }

    private static Buffer gzip(Buffer lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines.length() / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(lines.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
