package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.TemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kapacitor's smtp (email) handler: the alert message as subject and its details as an HTML body, sent to the
 * handler's recipients or else the configured ones.
 */
public final class SmtpHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("smtp", "smtp.HandlerConfig", List.of(
        new HandlerOption("to", "To", OptionType.STRING_LIST),
        new HandlerOption("to-field", "ToTemplates", OptionType.STRING_LIST)), SmtpHandler::new);

    private static final Logger LOG = LoggerFactory.getLogger(SmtpHandler.class);

    private final Vertx vertx;
    private final SmtpClient client;
    private final HandlerOptions options;
    private final List<GoTemplate> toTemplates = new ArrayList<>();

    SmtpHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.client = new SmtpClient(vertx);
        this.options = options;
        List<String> templates = options.list("to-field");
        for (int i = 0; templates != null && i < templates.size(); i++) {
            toTemplates.add(EventTemplates.parse(String.valueOf(i), templates.get(i)));
        }
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        List<String> to = new ArrayList<>(options.list("to") == null ? List.of() : options.list("to"));
        // Each address template runs over the event's data; an empty result adds no recipient (Kapacitor's
        // to-field).
        for (GoTemplate t : toTemplates) {
            String address;
            try {
                address = t.execute(eventData(event.data()));
            } catch (TemplateException e) {
                LOG.error("msg=\"error in email template\" error=\"{}\"", e.getMessage());
                continue;
            }
            if (!address.isEmpty()) {
                to.add(address);
            }
        }
        return send(vertx, client, to, event.state().message(), event.state().details());
    }

    /** Kapacitor's alert.EventData as templates see it. */
    private static GoStruct eventData(EventData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", d.name());
        m.put("TaskName", d.taskName());
        m.put("Category", d.category());
        m.put("Group", d.group());
        m.put("Tags", GoTemplate.goMap(d.tags().toMap()));
        m.put("Fields", GoTemplate.goMap(d.fields().toMap()));
        m.put("Recoverable", d.recoverable());
        return new GoStruct("alert.EventData", m);
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
