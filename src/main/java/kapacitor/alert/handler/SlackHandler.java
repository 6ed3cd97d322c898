package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's slack handler: one attachment colored by level, posted to the workspace's webhook/API URL. */
public final class SlackHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("slack", "slack.HandlerConfig", List.of(
        new HandlerOption("workspace", "Workspace", OptionType.STRING),
        new HandlerOption("channel", "Channel", OptionType.STRING),
        new HandlerOption("username", "Username", OptionType.STRING),
        new HandlerOption("icon-emoji", "IconEmoji", OptionType.STRING)), SlackHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    SlackHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, options.string("workspace"), options.string("channel"), event.state().message(),
            options.string("username"), options.string("icon-emoji"), event.state().level());
    }

    /** The workspace's config: "" is the default (single unnamed or the one marked default). */
    static Future<JsonObject> workspace(Vertx vertx, String workspace) {
        return ServiceConfig.elements(vertx, "slack").compose(list -> {
            if (list.isEmpty()) {
                return Future.failedFuture(new HandlerException("no slack configuration found"));
            }
            for (JsonObject c : list) {
                String w = c.getString("workspace", "");
                if (w.equals(workspace) || workspace.isEmpty() && c.getBoolean("default", false)) {
                    return Future.succeededFuture(c);
                }
            }
            return Future.failedFuture(new HandlerException("workspace id not found"));
        });
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String workspace, String channel, String message,
                             String username, String iconEmoji, Level level) {
        return workspace(vertx, workspace).compose(c -> {
            if (!c.getBoolean("enabled", false)) {
                return Future.failedFuture(new HandlerException("service is not enabled"));
            }
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("fallback", message);
            attachment.put("color", level == Level.WARNING ? "warning" : level == Level.CRITICAL ? "danger" : "good");
            attachment.put("text", message);
            attachment.put("mrkdwn_in", List.of("text"));
            Map<String, Object> post = new TreeMap<>();
            post.put("channel", channel.isEmpty() ? c.getString("channel", "") : channel);
            post.put("text", "");
            post.put("attachments", List.of(attachment));
            post.put("username", username.isEmpty() ? c.getString("username", "") : username);
            post.put("icon_emoji", iconEmoji.isEmpty() ? c.getString("icon-emoji", "") : iconEmoji);
            Map<String, String> headers = new LinkedHashMap<>();
            String token = c.getString("token", "");
            if (!token.isEmpty()) {
                headers.put("Authorization", "Bearer " + token);
            }
            return http.postJson(c.getString("url", ""), headers, HttpSender.goEncode(post));
        }).compose(resp -> resp.status() == 200 ? Future.succeededFuture()
            : Future.failedFuture(new HandlerException(HttpSender.errorField(resp.body(), "error",
                "failed to understand Slack response. code: " + resp.status() + " content: " + resp.body()))));
    }

    @Override
    public void close() {
        http.close();
    }
}
