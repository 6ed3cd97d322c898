package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A small non-blocking SMTP client: one session per message on a Vert.x socket (EHLO, falling back to HELO;
 * AUTH PLAIN or LOGIN when a username is configured; MAIL FROM, RCPT TO, DATA, QUIT). The whole session is bounded
 * by a timeout so a silent server fails the send instead of holding the handler's queue.
 */
public final class SmtpClient {
    /** Where and how to connect. */
    public record Settings(String host, int port, String username, String password, long timeoutMillis) {
    }

    private final Vertx vertx;
    private final NetClient client;

    public SmtpClient(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(HttpSender.CONNECT_TIMEOUT_MS));
    }

    public Future<Void> send(Settings s, String from, List<String> to, String message) {
        Promise<Void> done = Promise.promise();
        client.connect(s.port(), s.host()).onComplete(ar -> {
            if (ar.failed()) {
                done.tryFail(ar.cause());
                return;
            }
            NetSocket so = ar.result();
            Session session = new Session(so);
            long timer = vertx.setTimer(s.timeoutMillis(), t -> {
                done.tryFail(new HandlerException("smtp: timed out after " + s.timeoutMillis() + "ms"));
                so.close();
            });
            session.run(s, from, to, message).onComplete(r -> {
                vertx.cancelTimer(timer);
                so.close();
                if (r.succeeded()) {
                    done.tryComplete();
                } else {
                    done.tryFail(r.cause());
                }
            });
        });
        return done.future();
    }

    public void close() {
        client.close();
    }

    /** A reply: its code and its text lines. */
    record Reply(int code, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    /** One conversation; replies are matched to commands in order, as SMTP without pipelining guarantees. */
    private static final class Session {
        private final NetSocket so;
        private final List<String> pendingLines = new ArrayList<>();
        private Promise<Reply> waiting;
        private Reply early;

        Session(NetSocket so) {
            this.so = so;
            RecordParser parser = RecordParser.newDelimited("\r\n", this::line);
            so.handler(parser);
            so.closeHandler(v -> {
                if (waiting != null) {
                    waiting.tryFail(new HandlerException("smtp: connection closed by server"));
                }
            });
        }

        private void line(Buffer b) {
            String l = b.toString(StandardCharsets.UTF_8);
            if (l.length() < 3) {
                return;
            }
            pendingLines.add(l.length() > 4 ? l.substring(4) : "");
            if (l.length() > 3 && l.charAt(3) == '-') {
                return;
            }
            int code;
            try {
                code = Integer.parseInt(l.substring(0, 3));
            } catch (NumberFormatException e) {
                code = 0;
            }
            Reply r = new Reply(code, List.copyOf(pendingLines));
            pendingLines.clear();
            if (waiting != null) {
                Promise<Reply> p = waiting;
                waiting = null;
                p.complete(r);
            } else {
                early = r;
            }
        }

        private Future<Reply> reply() {
            if (early != null) {
                Reply r = early;
                early = null;
                return Future.succeededFuture(r);
            }
            waiting = Promise.promise();
            return waiting.future();
        }

        private Future<Reply> command(String cmd) {
            so.write(cmd + "\r\n");
            return reply();
        }

        private static Future<Reply> expect(Future<Reply> f, String what, int... codes) {
            return f.compose(r -> {
                for (int c : codes) {
                    if (r.code() == c) {
                        return Future.succeededFuture(r);
                    }
                }
                return Future.failedFuture(new HandlerException(r.code() + " " + r.text()));
            });
        }

        Future<Void> run(Settings s, String from, List<String> to, String message) {
            Future<Reply> f = expect(reply(), "greeting", 220)
                .compose(g -> command("EHLO localhost"))
                .compose(r -> r.code() == 250 ? Future.succeededFuture(r)
                    : expect(command("HELO localhost"), "HELO", 250));
            if (!s.username().isEmpty()) {
                f = f.compose(ehlo -> auth(ehlo, s));
            }
            f = f.compose(r -> expect(command("MAIL FROM:<" + from + ">"), "MAIL", 250));
            for (String rcpt : to) {
                f = f.compose(r -> expect(command("RCPT TO:<" + rcpt + ">"), "RCPT", 250, 251));
            }
            return f.compose(r -> expect(command("DATA"), "DATA", 354))
                .compose(r -> {
                    // As Go's DotWriter: a line end is added only when the content does not end with one.
                    String data = dotStuff(message);
                    so.write(data + (data.isEmpty() || data.endsWith("\r\n") ? "" : "\r\n") + ".\r\n");
                    return expect(reply(), "message", 250);
                })
                .compose(r -> command("QUIT"))
                .mapEmpty();
        }

        private Future<Reply> auth(Reply ehlo, Settings s) {
            String mechanisms = "";
            for (String l : ehlo.lines()) {
                String u = l.toUpperCase(Locale.ROOT);
                if (u.startsWith("AUTH ") || u.startsWith("AUTH=")) {
                    mechanisms = u.substring(5);
                }
            }
            Base64.Encoder b64 = Base64.getEncoder();
            if (mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN")) {
                String token = b64.encodeToString(("\0" + s.username() + "\0" + s.password())
                    .getBytes(StandardCharsets.UTF_8));
                return expect(command("AUTH PLAIN " + token), "AUTH", 235);
            }
            return expect(command("AUTH LOGIN"), "AUTH", 334)
                .compose(r -> expect(command(b64.encodeToString(s.username().getBytes(StandardCharsets.UTF_8))),
                    "AUTH", 334))
                .compose(r -> expect(command(b64.encodeToString(s.password().getBytes(StandardCharsets.UTF_8))),
                    "AUTH", 235));
        }

        /** Lines starting with '.' get one more, so the server does not read them as the end of data. */
        private static String dotStuff(String message) {
            String crlf = message.replace("\r\n", "\n").replace("\n", "\r\n");
            StringBuilder b = new StringBuilder(crlf.length() + 16);
            for (String line : crlf.split("\r\n", -1)) {
                if (b.length() > 0) {
                    b.append("\r\n");
                }
                if (line.startsWith(".")) {
                    b.append('.');
                }
                b.append(line);
            }
            return b.toString();
        }
    }
}
