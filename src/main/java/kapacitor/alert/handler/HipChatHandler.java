package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's hipchat handler: a room notification colored by level, the token in the query string. */
public final class HipChatHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("hipchat", "hipchat.HandlerConfig", List.of(
        new HandlerOption("room", "Room", OptionType.STRING),
        new HandlerOption("token", "Token", OptionType.STRING)), HipChatHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    HipChatHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, options.string("room"), options.string("token"), event.state().message(),
            event.state().level());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String room, String token, String message, Level level) {
        return ServiceConfig.enabled(vertx, "hipchat").compose(c -> {
            String r = room.isEmpty() ? c.getString("room", "") : room;
            String t = token.isEmpty() ? c.getString("token", "") : token;
            String base = c.getString("url", "");
            int q = base.indexOf('?');
            // The configured query is replaced by the token, as Kapacitor sets RawQuery.
            String url = Urls.joinPath(q < 0 ? base : base.substring(0, q), r, "notification") + "?"
                + PushoverHandler.encode(new TreeMap<>(Map.of("auth_token", t)));
            Map<String, Object> post = new TreeMap<>();
            post.put("from", "kapacitor");
            post.put("color", level == Level.WARNING ? "yellow" : level == Level.CRITICAL ? "red" : "green");
            post.put("message", message);
            post.put("notify", true);
            return http.postJson(url, Map.of(), HttpSender.goEncode(post));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "error",
            "failed to understand HipChat response. code: " + r.status() + " content: " + r.body()), 200, 204));
    }

    @Override
    public void close() {
        http.close();
    }
}
