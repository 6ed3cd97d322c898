package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's telegram handler: the alert message sent with the bot API's sendMessage. */
public final class TelegramHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("telegram", "telegram.HandlerConfig", List.of(
        new HandlerOption("chat-id", "ChatId", OptionType.STRING),
        new HandlerOption("parse-mode", "ParseMode", OptionType.STRING),
        new HandlerOption("disable-web-page-preview", "DisableWebPagePreview", OptionType.BOOL),
        new HandlerOption("disable-notification", "DisableNotification", OptionType.BOOL)), TelegramHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    TelegramHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, options.string("chat-id"), options.string("parse-mode"), event.state().message(),
            options.bool("disable-web-page-preview"), options.bool("disable-notification"));
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String chatId, String parseMode, String message,
                             boolean disablePreview, boolean disableNotification) {
        return ServiceConfig.enabled(vertx, "telegram").compose(c -> {
            String mode = parseMode.isEmpty() ? c.getString("parse-mode", "") : parseMode;
            String lower = mode.toLowerCase(Locale.ROOT);
            if (!mode.isEmpty() && !lower.equals("markdown") && !lower.equals("html")) {
                return Future.failedFuture(new HandlerException("parseMode " + mode
                    + " is not valid, please use 'Markdown' or 'HTML'"));
            }
            Map<String, Object> post = new TreeMap<>();
            post.put("chat_id", chatId.isEmpty() ? c.getString("chat-id", "") : chatId);
            post.put("text", message);
            if (!mode.isEmpty()) {
                post.put("parse_mode", mode);
            }
            if (disablePreview || c.getBoolean("disable-web-page-preview", false)) {
                post.put("disable_web_page_preview", true);
            }
            if (disableNotification || c.getBoolean("disable-notification", false)) {
                post.put("disable_notification", true);
            }
            return http.postJson(url(c), Map.of(), HttpSender.goEncode(post));
        }).compose(resp -> {
            if (resp.status() == 200) {
                return Future.succeededFuture();
            }
            try {
                JsonObject r = new JsonObject(resp.body());
                return Future.failedFuture(new HandlerException("sendMessage error (" + r.getInteger("error_code", 0)
                    + ") description: " + r.getString("description", "")));
            } catch (RuntimeException e) {
                return Future.failedFuture(new HandlerException("failed to understand Telegram response (err: "
                    + e.getMessage() + "). code: " + resp.status() + " content: " + resp.body()));
            }
        });
    }

    /** {@code path.Join(u.Path + token, "sendMessage")}: the token is appended to the URL's path as is. */
    private static String url(JsonObject c) {
        String base = c.getString("url", "");
        String token = c.getString("token", "");
        int q = base.indexOf('?');
        String head = q < 0 ? base : base.substring(0, q);
        return Urls.joinPath(head + token, "sendMessage") + (q < 0 ? "" : base.substring(q));
    }

    @Override
    public void close() {
        http.close();
    }
}
