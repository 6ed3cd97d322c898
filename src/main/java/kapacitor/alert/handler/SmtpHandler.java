package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kapacitor's smtp (email) handler: the alert message as subject and its details as an HTML body, sent to the
 * handler's recipients or else the configured ones.
 */
public final class SmtpHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("smtp", "smtp.HandlerConfig", List.of(
        new HandlerOption("to", "To", OptionType.STRING_LIST)), SmtpHandler::new);

    private final Vertx vertx;
    private final SmtpClient client;
    private final HandlerOptions options;

    SmtpHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.client = new SmtpClient(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        return send(vertx, client, options.list("to"), event.state().message(), event.state().details());
    }

    static Future<Void> send(Vertx vertx, SmtpClient client, List<String> to, String subject, String body) {
        return ServiceConfig.enabled(vertx, "smtp").compose(c -> {
            List<String> rcpts = to == null || to.isEmpty() ? strings(c.getJsonArray("to")) : to;
            if (rcpts.isEmpty()) {
                return Future.failedFuture(new HandlerException("not sending email, no recipients defined"));
            }
            String from = c.getString("from", "");
            SmtpClient.Settings s = new SmtpClient.Settings(c.getString("host", "localhost"),
                c.getInteger("port", 25), c.getString("username", ""), c.getString("password", ""),
                HttpSender.IDLE_TIMEOUT_MS);
            return client.send(s, from, rcpts, message(from, rcpts, subject, body));
        });
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    /** The message as gomail builds it: headers, then the HTML body quoted-printable encoded. */
    static String message(String from, List<String> to, String subject, String body) {
        StringBuilder b = new StringBuilder();
        b.append("Mime-Version: 1.0\r\n");
        b.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
            .format(ZonedDateTime.now())).append("\r\n");
        b.append("From: ").append(from).append("\r\n");
        b.append("To: ").append(String.join(", ", to)).append("\r\n");
        b.append("Subject: ").append(encodeWord(subject)).append("\r\n");
        b.append("Content-Type: text/html; charset=UTF-8\r\n");
        b.append("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        b.append(QuotedPrintable.encode(body));
        return b.toString();
    }

    /** RFC 2047 encoding for non-ASCII subjects; ASCII ones go as they are. */
    private static String encodeWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 126 || s.charAt(i) < 32) {
                return "=?UTF-8?q?" + QuotedPrintable.encode(s).replace("=\r\n", "").replace(" ", "_")
                    .replace("?", "=3F") + "?=";
            }
        }
        return s;
    }

    @Override
    public void close() {
        client.close();
    }
}
