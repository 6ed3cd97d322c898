package kapacitor.alert.handler;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.testing.Http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;

/** A local HTTP server that records each request and answers with a fixed status and body. */
public final class HttpPeer implements AutoCloseable {
    public record Request(String method, String uri, MultiMap headers, String body) {
    }

    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final int port;
    private volatile int status = 200;
    private volatile String answer = "";

    public HttpPeer(Vertx vertx) {
        port = Http.freePort();
        server = await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            requests.add(new Request(req.method().name(), req.uri(), MultiMap.caseInsensitiveMultiMap()
                .addAll(req.headers()), b.toString()));
            req.response().setStatusCode(status).end(answer);
        })).listen(port, "127.0.0.1"));
    }

    public HttpPeer answer(int status, String body) {
        this.status = status;
        this.answer = body;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Request next() throws InterruptedException {
        Request r = requests.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the peer");
        }
        return r;
    }

    /** True when no further request arrives within {@code millis}. */
    public boolean quiet(long millis) throws InterruptedException {
        return requests.poll(millis, TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() {
        await(server.close());
    }
}
