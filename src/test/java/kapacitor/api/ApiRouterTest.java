package kapacitor.api;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiRouterTest {
    private static Vertx vertx;
    private static Http http;

    /** A module standing in for a real API area: echoes the body size and fails on demand. */
    private static final ApiModule ECHO = mux -> mux
        .post(ApiRouter.BASE + "/echo", ctx -> ApiRouter.ok(ctx, new JsonObject()
            .put("bytes", ctx.body().length()).put("text", ctx.body().asString()).getMap()))
        .get(ApiRouter.BASE + "/things/", ctx -> ApiRouter.ok(ctx, List.of(ApiRouter.v1Path(ctx))))
        .get(ApiRouter.BASE + "/fail", ctx -> ctx.fail(new ApiException(400, "bad thing")))
        .get(ApiRouter.BASE + "/crash", ctx -> {
            throw new IllegalStateException("boom");
        });

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        int port = Http.freePort();
        HttpServerSettings settings = new HttpServerSettings("127.0.0.1", port, true, true, false, null, null, 1024, 2);
        await(vertx.deployVerticle(() -> new HttpServerVerticle(settings, List.of(ECHO)),
            new DeploymentOptions().setInstances(2)));
        http = new Http(vertx, port);
    }

    @AfterAll
    static void stop() {
        await(vertx.close());
    }

    @Test
    void pingAnswers204WithVersionHeader() {
        Http.Response r = await(http.get("/kapacitor/v1/ping"));
        assertEquals(204, r.status());
        assertEquals(0, r.body().length());
        assertNotNull(r.header("X-Kapacitor-Version"));
        assertNotNull(r.header("Request-Id"));
        Http.Response head = await(http.request(HttpMethod.HEAD, "/kapacitor/v1/ping", null, null));
        assertEquals(204, head.status());
    }

    @Test
    void previewServesEveryV1Route() {
        assertEquals(204, await(http.get("/kapacitor/v1preview/ping")).status());
        Http.Response r = await(http.get("/kapacitor/v1preview/things/a/b"));
        assertEquals(200, r.status());
        assertEquals("[\n    \"/things/a/b\"\n]", r.text());
    }

    @Test
    void unknownPathIs404JsonError() {
        Http.Response r = await(http.get("/nope"));
        assertEquals(404, r.status());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        assertEquals("{\n    \"error\": \"Not Found\",\n    \"message\": \"Not Found\"\n}", r.text());
        assertEquals(404, await(http.get("/kapacitor/v1/nope")).status());
        assertEquals(404, await(http.get("/kapacitor/v1preview/nope")).status());
        // A route exists for GET only: other methods are not found, as in Kapacitor's per-method mux.
        assertEquals(404, await(http.post("/kapacitor/v1/ping", (String) null)).status());
    }

    @Test
    void aPostWithABodyToAnUnknownPathLeavesTheConnectionUsable() {
        Http single = new Http(vertx, http.port(), new io.vertx.core.http.HttpClientOptions());
        for (int i = 0; i < 3; i++) {
            assertEquals(404, await(single.post("/kapacitor/v1/nope", "x".repeat(900))).status());
            assertEquals(204, await(single.get("/kapacitor/v1/ping")).status());
        }
    }

    @Test
    void routesListsPatternsWithMethods() {
        Http.Response r = await(http.get("/kapacitor/v1/:routes"));
        assertEquals(200, r.status());
        JsonObject routes = r.json();
        assertEquals(List.of("GET", "HEAD"), routes.getJsonArray("/kapacitor/v1/ping").getList());
        assertEquals(List.of("POST"), routes.getJsonArray("/kapacitor/v1/echo").getList());
        assertEquals(List.of("GET"), routes.getJsonArray("/kapacitor/v1/:routes").getList());
    }

    @Test
    void corsEchoesOriginAndAnswersPreflight() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Origin", "http://chronograf.local:8888");
        Http.Response r = await(http.request(HttpMethod.GET, "/kapacitor/v1/ping", null, h));
        assertEquals("http://chronograf.local:8888", r.header("Access-Control-Allow-Origin"));
        assertEquals("DELETE, GET, OPTIONS, POST, PATCH", r.header("Access-Control-Allow-Methods"));
        Http.Response pre = await(http.request(HttpMethod.OPTIONS, "/kapacitor/v1/tasks", null, h));
        assertEquals(200, pre.status());
        assertEquals(0, pre.body().length());
        assertTrue(pre.header("Access-Control-Allow-Headers").contains("Authorization"));
        Http.Response noOrigin = await(http.get("/kapacitor/v1/ping"));
        assertNull(noOrigin.header("Access-Control-Allow-Origin"));
    }

    @Test
    void gzipRequestBodyIsInflated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("hello gzip".getBytes());
        }
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", "gzip");
        Http.Response r = await(http.request(HttpMethod.POST, "/kapacitor/v1/echo", Buffer.buffer(bytes.toByteArray()), h));
        assertEquals(200, r.status());
        assertEquals("hello gzip", r.json().getString("text"));
    }

    @Test
    void bodyOverLimitIs413WithJsonError() {
        Http.Response r = await(http.post("/kapacitor/v1/echo", "x".repeat(5000)));
        assertEquals(413, r.status());
        assertTrue(r.json().getString("error").contains("request body too large"), r.text());
        assertEquals(r.json().getString("error"), r.json().getString("message"));
    }

    @Test
    void apiExceptionKeepsStatusAndText() {
        Http.Response r = await(http.get("/kapacitor/v1/fail"));
        assertEquals(400, r.status());
        assertEquals("bad thing", r.json().getString("error"));
        Http.Response crash = await(http.get("/kapacitor/v1/crash"));
        assertEquals(500, crash.status());
        assertEquals("boom", crash.json().getString("error"));
    }

    @Test
    void httpsServesWithConfiguredCertificate() {
        SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
        int port = Http.freePort();
        HttpServerSettings tls = new HttpServerSettings("127.0.0.1", port, false, true, true, cert.certificatePath(),
            cert.privateKeyPath(), 0, 1);
        await(vertx.deployVerticle(new HttpServerVerticle(tls, List.of())));
        Http https = new Http(vertx, port, new HttpClientOptions().setSsl(true).setTrustAll(true)
            .setVerifyHost(false));
        assertEquals(204, await(https.get("/kapacitor/v1/ping")).status());
    }
}
