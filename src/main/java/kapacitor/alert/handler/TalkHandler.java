package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's talk handler: the alert id as title and its message as text, posted to the Talk webhook. */
public final class TalkHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("talk", null, List.of(), TalkHandler::new);

    private final Vertx vertx;
    private final HttpSender http;

    TalkHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, event.state().id(), event.state().message());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String title, String text) {
        return ServiceConfig.enabled(vertx, "talk").compose(c -> {
            Map<String, Object> post = new TreeMap<>();
            post.put("title", title);
            post.put("text", text);
            post.put("authorName", c.getString("author_name", ""));
            return http.postJson(c.getString("url", ""), Map.of(), HttpSender.goEncode(post));
        }).compose(resp -> HttpSender.expect(resp,
            // Kapacitor reads the error from an already drained body, so its fallback message is always the one.
            r -> "failed to understand Talk response. code: " + r.status() + " content: " + r.body(), 200));
    }

    @Override
    public void close() {
        http.close();
    }
}
