package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kapacitor's teams handler: a MessageCard posted to the channel's incoming webhook. */
public final class TeamsHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("teams", "teams.HandlerConfig", List.of(
        new HandlerOption("channel-url", "ChannelURL", OptionType.STRING)), TeamsHandler::new);

    private static final int SUMMARY_CUTOFF = 70;

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    TeamsHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, options.string("channel-url"), event.topic() == null ? "" : event.topic(),
            event.state().id(), event.state().message(), event.state().level());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String channelUrl, String topic, String id,
                             String message, Level level) {
        return ServiceConfig.enabled(vertx, "teams").compose(c -> {
            String title;
            String summary;
            if (id.isEmpty() && topic.isEmpty()) {
                title = level.name();
                summary = title + ": " + message;
            } else {
                title = level.name() + ": [" + (id.isEmpty() ? topic : id) + "]";
                summary = title + " - " + message;
            }
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("@type", "MessageCard");
            card.put("@context", "http://schema.org/extensions");
            card.put("title", title);
            card.put("text", message);
            card.put("summary", cut(summary) + "...");
            card.put("themeColor", level == Level.WARNING ? "FFA533" : level == Level.CRITICAL ? "CC4A31" : "34CC25");
            String url = channelUrl.isEmpty() ? c.getString("channel-url", "") : channelUrl;
            return http.postJson(url, Map.of(), HttpSender.goMarshal(card));
        }).compose(resp -> resp.status() == 200 || resp.status() == 204 ? Future.succeededFuture()
            : Future.failedFuture(new HandlerException(HttpSender.errorField(resp.body(), "error",
                "failed to understand Teams response. code: " + resp.status() + " content: " + resp.body()))));
    }

    /** The first 70 bytes, as Kapacitor slices the Go string (a cut rune is dropped rather than mangled). */
    private static String cut(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= SUMMARY_CUTOFF) {
            return s;
        }
        int end = SUMMARY_CUTOFF;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
