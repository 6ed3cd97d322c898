package kapacitor.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import kapacitor.testing.Http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static kapacitor.testing.Await.await;

/**
 * Stands in for InfluxDB's HTTP API in batch tests: answers each {@code /query} with the next canned JSON body (an
 * empty result when none is left), records the statements and the {@code /write} requests. Canned bodies may be
 * "status:body" to answer with another status.
 */
final class FakeInfluxDB implements AutoCloseable {
    static final String EMPTY = "{\"results\":[{\"statement_id\":0}]}";

    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> writes = new CopyOnWriteArrayList<>();
    /** The Authorization and User-Agent headers of every request. */
    final List<String> headers = new CopyOnWriteArrayList<>();
    /** The status /write answers with; an error body goes with anything but 204. */
    volatile int writeStatus = 204;
    private final Deque<String> answers = new ArrayDeque<>();
    private final java.util.Map<String, Deque<String>> answersFor = new java.util.LinkedHashMap<>();
    private final HttpServer server;
    private final int port;

    FakeInfluxDB(Vertx vertx) {
        port = Http.freePort();
        server = vertx.createHttpServer().requestHandler(this::handle);
        await(server.listen(port, "127.0.0.1"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void answer(String... bodies) {
        answers.addAll(List.of(bodies));
    }

    /** Answers for the statements that contain {@code text}, so concurrent queries get their own. */
    synchronized void answerFor(String text, String... bodies) {
        answersFor.computeIfAbsent(text, t -> new ArrayDeque<>()).addAll(List.of(bodies));
    }

    private synchronized String next(String query) {
        for (java.util.Map.Entry<String, Deque<String>> e : answersFor.entrySet()) {
            if (query.contains(e.getKey())) {
                return e.getValue().isEmpty() ? EMPTY : e.getValue().poll();
            }
        }
        return answers.isEmpty() ? EMPTY : answers.poll();
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            headers.add(req.getHeader("Authorization") + " " + req.getHeader("User-Agent"));
            if (req.path().equals("/query")) {
                String q = req.getParam("q");
                queries.add(q);
                String a = next(q);
                int status = 200;
                if (a.matches("^\\d{3}:.*")) {
                    status = Integer.parseInt(a.substring(0, 3));
                    a = a.substring(4);
                }
                req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(a);
            } else if (req.path().equals("/write")) {
                writes.add(req.query() + "\n" + body.toString());
                if (writeStatus == 204) {
                    req.response().setStatusCode(204).end();
                } else {
                    req.response().setStatusCode(writeStatus).end("{\"error\":\"database not found: \\\"x\\\"\"}");
                }
            } else {
                req.response().setStatusCode(404).end();
            }
        });
    }

    @Override
    public void close() {
        await(server.close());
    }
}
