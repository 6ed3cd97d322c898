package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's discord handler: one embed colored by level, posted to the workspace's webhook. */
public final class DiscordHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("discord", "discord.HandlerConfig", List.of(
        new HandlerOption("workspace", "Workspace", OptionType.STRING),
        new HandlerOption("username", "Username", OptionType.STRING),
        new HandlerOption("avatar-url", "AvatarURL", OptionType.STRING),
        new HandlerOption("embed-title", "EmbedTitle", OptionType.STRING)), DiscordHandler::new);

    private static final DateTimeFormatter RFC3339 =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;
    private final GoTemplate embedTitle;

    DiscordHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
        this.embedTitle = EventTemplates.parse("embedtitle", options.string("embed-title"));
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        String title;
        try {
            title = EventTemplates.render(embedTitle, EventTemplates.data(event));
        } catch (HandlerException e) {
            return Future.failedFuture(e);
        }
        return send(vertx, http, options.string("workspace"), event.state().message(), options.string("username"),
            options.string("avatar-url"), title, event.state().time(), event.state().level());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String workspace, String message, String username,
                             String avatarUrl, String embedTitle, long timeNanos, Level level) {
        return ServiceConfig.workspace(vertx, "discord", workspace).compose(c -> {
            if (!c.getBoolean("enabled", false)) {
                return Future.failedFuture(new HandlerException("service is not enabled"));
            }
            Map<String, Object> embed = new LinkedHashMap<>();
            embed.put("color", level == Level.CRITICAL ? 0xF95F53 : level == Level.WARNING ? 0xF48D38 : 0x7A65F2);
            embed.put("title", embedTitle);
            embed.put("description", message);
            embed.put("timestamp", c.getBoolean("timestamp", false)
                ? RFC3339.format(Instant.ofEpochSecond(0, timeNanos)) : "");
            Map<String, Object> post = new TreeMap<>();
            post.put("username", username.isEmpty() ? c.getString("username", "") : username);
            post.put("avatar_url", avatarUrl.isEmpty() ? c.getString("avatar-url", "") : avatarUrl);
            post.put("embeds", List.of(embed));
            return http.postJson(c.getString("url", ""), Map.of(), HttpSender.goEncode(post));
        }).compose(resp -> HttpSender.expect(resp, r -> HttpSender.errorField(r.body(), "error",
            "failed to understand Discord response. code: " + r.status() + " content: " + r.body()), 204));
    }

    @Override
    public void close() {
        http.close();
    }
}
