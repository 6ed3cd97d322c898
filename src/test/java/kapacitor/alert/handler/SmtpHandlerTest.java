package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import kapacitor.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smtp handler against a small SMTP server written here: the commands, the auth and the message it sends. */
class SmtpHandlerTest {
    /** One received mail: the commands in order and the DATA content. */
    record Mail(List<String> commands, String data) {
    }

    private Vertx vertx;
    private FakeConfig config;
    private NetServer server;
    private int port;
    private final LinkedBlockingQueue<Mail> mails = new LinkedBlockingQueue<>();
    private volatile String rcptReply = "250 OK";

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        config = new FakeConfig(vertx);
        port = Http.freePort();
        server = await(vertx.createNetServer().connectHandler(this::session).listen(port, "127.0.0.1"));
    }

    @AfterEach
    void tearDown() {
        await(vertx.close());
    }

    private void session(NetSocket so) {
        List<String> commands = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        boolean[] inData = {false};
        so.write("220 test ESMTP\r\n");
        so.handler(RecordParser.newDelimited("\r\n", b -> {
            String line = b.toString();
            if (inData[0]) {
                if (line.equals(".")) {
                    inData[0] = false;
                    mails.add(new Mail(List.copyOf(commands), data.toString()));
                    so.write("250 queued\r\n");
                } else {
                    data.append(line).append("\n");
                }
                return;
            }
            commands.add(line);
            if (line.startsWith("EHLO")) {
                so.write("250-test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
            } else if (line.startsWith("AUTH PLAIN")) {
                String creds = new String(Base64.getDecoder().decode(line.substring(11)));
                so.write(creds.equals("\0bob\0secret") ? "235 ok\r\n" : "535 bad credentials\r\n");
            } else if (line.startsWith("RCPT")) {
                so.write(rcptReply + "\r\n");
            } else if (line.equals("DATA")) {
                inData[0] = true;
                so.write("354 go ahead\r\n");
            } else if (line.equals("QUIT")) {
                so.write("221 bye\r\n");
                so.close();
            } else {
                so.write("250 OK\r\n");
            }
        }));
    }

    private JsonObject smtp() {
        return new JsonObject().put("enabled", true).put("host", "127.0.0.1").put("port", port)
            .put("username", "bob").put("password", "secret").put("from", "kapacitor@example.com")
            .put("to", new JsonArray().add("default@example.com"));
    }

    @Test
    void sendsTheAlertAsMail() throws Exception {
        config.put("smtp", smtp());
        AlertHandler h = HandlerFactory.create(vertx, "smtp",
            new JsonObject().put("to", new JsonArray().add("oncall@example.com").add("ops@example.com")));
        await(h.handle(Events.critical()));
        h.close();
        Mail m = mails.poll(10, TimeUnit.SECONDS);
        assertNotNull(m);
        assertEquals(List.of("EHLO localhost", "AUTH PLAIN " + Base64.getEncoder().encodeToString(
            "\0bob\0secret".getBytes()), "MAIL FROM:<kapacitor@example.com>", "RCPT TO:<oncall@example.com>",
            "RCPT TO:<ops@example.com>", "DATA"), m.commands());
        assertTrue(m.data().contains("From: kapacitor@example.com\n"), m.data());
        assertTrue(m.data().contains("To: oncall@example.com, ops@example.com\n"), m.data());
        assertTrue(m.data().contains("Subject: message\n"), m.data());
        assertTrue(m.data().contains("Content-Type: text/html; charset=UTF-8\n"), m.data());
        assertTrue(m.data().endsWith("\n\ndetails\n"), m.data());
    }

    @Test
    void fallsBackToTheConfiguredRecipients() throws Exception {
        config.put("smtp", smtp());
        await(SmtpHandler.send(vertx, new SmtpClient(vertx), null, "test subject", ".leading dot"));
        Mail m = mails.poll(10, TimeUnit.SECONDS);
        assertNotNull(m);
        assertTrue(m.commands().contains("RCPT TO:<default@example.com>"), m.commands().toString());
        assertTrue(m.data().endsWith("\n\n..leading dot\n"), "dot-stuffed: " + m.data());
    }

    @Test
    void refusedRecipientFailsTheSend() {
        config.put("smtp", smtp());
        rcptReply = "550 no such user";
        Exception e = assertThrows(Exception.class,
            () -> await(SmtpHandler.send(vertx, new SmtpClient(vertx), List.of("x@example.com"), "s", "b")));
        assertEquals("550 no such user", e.getMessage());
    }

    @Test
    void noRecipientsIsKapacitorsError() {
        config.put("smtp", smtp().put("to", (Object) null));
        Exception e = assertThrows(Exception.class,
            () -> await(SmtpHandler.send(vertx, new SmtpClient(vertx), List.of(), "s", "b")));
        assertEquals("not sending email, no recipients defined", e.getMessage());
    }
}
