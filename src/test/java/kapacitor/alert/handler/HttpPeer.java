package kapacitor.alert.handler;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import kapacitor.testing.Http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;

/** A local HTTP server that records each request and answers with a fixed status and body. */
final class HttpPeer implements AutoCloseable {
    record Request(String method, String uri, MultiMap headers, String body) {
    }

    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final int port;
    private volatile int status = 200;
    private volatile String answer = "";

    HttpPeer(Vertx vertx) {
        port = Http.freePort();
        server = await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            requests.add(new Request(req.method().name(), req.uri(), MultiMap.caseInsensitiveMultiMap()
                .addAll(req.headers()), b.toString()));
            req.response().setStatusCode(status).end(answer);
        })).listen(port, "127.0.0.1"));
    }

    HttpPeer answer(int status, String body) {
        this.status = status;
        this.answer = body;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    Request next() throws InterruptedException {
        Request r = requests.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the peer");
        }
        return r;
    }

    @Override
    public void close() {
        await(server.close());
    }
}
