package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's pushover handler: a form POST whose priority follows the level (-2 for OK up to 1 for CRITICAL). */
public final class PushoverHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("pushover", "pushover.HandlerConfig", List.of(
        new HandlerOption("device", "Device", OptionType.STRING),
        new HandlerOption("title", "Title", OptionType.STRING),
        new HandlerOption("url", "URL", OptionType.STRING),
        new HandlerOption("url-title", "URLTitle", OptionType.STRING),
        new HandlerOption("sound", "Sound", OptionType.STRING),
        new HandlerOption("user-key", "UserKey", OptionType.STRING)), PushoverHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    PushoverHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, http, event.state().message(), options.string("device"), options.string("title"),
            options.string("url"), options.string("url-title"), options.string("sound"), options.string("user-key"),
            event.state().level());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String message, String device, String title, String url,
                             String urlTitle, String sound, String userKey, Level level) {
        return ServiceConfig.enabled(vertx, "pushover").compose(c -> {
            Map<String, String> form = new TreeMap<>();
            form.put("token", c.getString("token", ""));
            form.put("user", userKey.isEmpty() ? c.getString("user-key", "") : userKey);
            form.put("message", message);
            form.put("priority", Integer.toString(priority(level)));
            putIfSet(form, "device", device);
            putIfSet(form, "title", title);
            putIfSet(form, "url", url);
            putIfSet(form, "url_title", urlTitle);
            putIfSet(form, "sound", sound);
            return http.send(HttpMethod.POST, c.getString("url", ""),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), Buffer.buffer(encode(form)));
        }).compose(resp -> resp.status() == 200 ? Future.succeededFuture()
            : Future.failedFuture(new HandlerException(error(resp))));
    }

    private static String error(HttpSender.Response r) {
        JsonObject o;
        try {
            o = new JsonObject(r.body());
        } catch (RuntimeException e) {
            // Kapacitor returns the JSON decoding error of a non-JSON answer.
            return "failed to decode Pushover response: " + r.body();
        }
        if (o.getValue("error") instanceof String s) {
            return s;
        }
        List<String> errors = new ArrayList<>();
        if (o.getValue("errors") instanceof JsonArray a) {
            a.forEach(e -> errors.add(String.valueOf(e)));
        }
        return "failed to understand Pushover response. code: " + r.status() + " content: "
            + String.join(", ", errors);
    }

    static int priority(Level level) {
        switch (level) {
            case OK:
                return -2;
            case INFO:
                return -1;
            case CRITICAL:
                return 1;
            default:
                return 0;
        }
    }

    private static void putIfSet(Map<String, String> form, String key, String value) {
        if (!value.isEmpty()) {
            form.put(key, value);
        }
    }

    /** Go's url.Values.Encode: keys sorted, query escaping (space as '+', only A-Za-z0-9-_.~ left as is). */
    static String encode(Map<String, String> sorted) {
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            escape(b, k);
            b.append('=');
            escape(b, v);
        });
        return b.toString();
    }

    private static void escape(StringBuilder b, String s) {
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                || c == '.' || c == '~') {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
