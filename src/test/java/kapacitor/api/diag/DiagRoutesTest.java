package kapacitor.api.diag;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import kapacitor.service.diag.LogHub;
import kapacitor.service.diag.LogLevels;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagRoutesTest {
    private static final Logger PROBE = LoggerFactory.getLogger("diagtest.diagprobe");
    private static final Logger OTHER = LoggerFactory.getLogger("diagtest.otherprobe");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void resetLevel() {
        LogLevels.set("info");
    }

    @Test
    void logLevelChangesTheServerLevel() {
        Http.Response r = await(server.http().post("/kapacitor/v1/loglevel", "{\"level\":\"debug\"}"));
        assertEquals(204, r.status());
        assertEquals(0, r.body().length());
        assertEquals("debug", LogLevels.current());
        assertTrue(PROBE.isDebugEnabled());

        r = await(server.http().post("/kapacitor/v1/loglevel", "{\"level\":\"ERROR\"}"));
        assertEquals(204, r.status());
        assertEquals("error", LogLevels.current());
        assertFalse(PROBE.isInfoEnabled());
    }

    @Test
    void logLevelErrorsAreKapacitors() {
        String[][] cases = {
            {"{\"level\":\"verbose\"}", "invalid log level"},
            {"{}", "invalid log level"},
            {"", "invalid json: EOF"},
            {"{\"level\":5}", "invalid json: json: cannot unmarshal number into Go struct field LogLevelOptions.level"
                + " of type string"},
            {"[1]", "invalid json: json: cannot unmarshal array into Go value of type client.LogLevelOptions"},
        };
        for (String[] c : cases) {
            Http.Response r = await(server.http().post("/kapacitor/v1/loglevel", c[0]));
            assertEquals(400, r.status(), c[0]);
            assertEquals(c[1], r.json().getString("error"), c[0]);
        }
        Http.Response bad = await(server.http().post("/kapacitor/v1/loglevel", "{nope"));
        assertEquals(400, bad.status());
        assertTrue(bad.json().getString("error").startsWith("invalid json: "), bad.text());
        assertEquals("info", LogLevels.current());
    }

    @Test
    void logsStreamsMatchingLinesAsJsonUntilTheClientLeaves() throws Exception {
        int before = LogHub.get().subscriberCount();
        HttpClient client = server.vertx().createHttpClient();
        try {
            Stream s = open(client, "/kapacitor/v1preview/logs?service=diagprobe&key=wanted", "application/json");
            assertEquals(200, s.response.statusCode());
            assertEquals("application/json", s.response.getHeader("Content-Type"));
            assertEquals("chunked", s.response.getHeader("Transfer-Encoding"));
            assertEquals(before + 1, LogHub.get().subscriberCount());

            OTHER.info("msg=\"not for this session\" key=wanted");
            PROBE.info("msg=\"filtered out\" key=other");
            PROBE.info("msg=\"hello from the test\" key=wanted note=\"two words\"");

            JsonObject line = new JsonObject(s.nextLine());
            assertEquals("info", line.getString("lvl"));
            assertEquals("hello from the test", line.getString("msg"));
            assertEquals("diagprobe", line.getString("service"));
            assertEquals("wanted", line.getString("key"));
            assertEquals("two words", line.getString("note"));
            assertTrue(line.getString("ts").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"),
                line.getString("ts"));
            assertEquals("[ts, lvl, msg, service, key, note]", line.fieldNames().toString());

            s.response.request().connection().close();
            awaitSubscribers(before);
        } finally {
            await(client.close());
        }
    }

    @Test
    void logsDefaultsToLogfmtAndFiltersByLevel() throws Exception {
        int before = LogHub.get().subscriberCount();
        HttpClient client = server.vertx().createHttpClient();
        try {
            Stream s = open(client, "/kapacitor/v1preview/logs?service=diagprobe&lvl=error%2B", null);
            assertEquals(200, s.response.statusCode());
            assertEquals("application/logfmt", s.response.getHeader("Content-Type"));
            PROBE.info("msg=\"below the floor\"");
            PROBE.error("msg=\"it broke\" task=cpu");
            String line = s.nextLine();
            assertTrue(line.matches("ts=\\S+ lvl=error msg=\"it broke\" service=diagprobe task=cpu"), line);
            s.response.request().connection().close();
            awaitSubscribers(before);
        } finally {
            await(client.close());
        }
    }

    @Test
    void logsRejectDuplicateParams() {
        Http.Response r = await(server.http().get("/kapacitor/v1preview/logs?task=a&task=b"));
        assertEquals(400, r.status());
        assertEquals("query params cannot contain duplicate params", r.json().getString("error"));
        assertEquals(404, await(server.http().get("/kapacitor/v1/logs")).status());
    }

    private static void awaitSubscribers(int expected) throws InterruptedException {
        for (int i = 0; i < 500 && LogHub.get().subscriberCount() != expected; i++) {
            Thread.sleep(10);
        }
        assertEquals(expected, LogHub.get().subscriberCount());
    }

    /** A streaming response whose body is read line by line as it arrives. */
    private static final class Stream {
        final HttpClientResponse response;
        private final java.util.concurrent.LinkedBlockingQueue<String> lines = new java.util.concurrent
            .LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        Stream(HttpClientResponse response) {
            this.response = response;
            response.handler(this::chunk);
        }

        private void chunk(Buffer b) {
            partial.append(b.toString());
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                lines.add(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
        }

        String nextLine() throws InterruptedException {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no log line arrived");
            }
            return line;
        }
    }

    private static Stream open(HttpClient client, String uri, String accept) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(server.http().port()).setURI(uri);
        if (accept != null) {
            o.putHeader("Accept", accept);
        }
        CompletableFuture<Stream> out = new CompletableFuture<>();
        client.request(o).compose(req -> req.send()).onComplete(ar -> {
            if (ar.failed()) {
                out.completeExceptionally(ar.cause());
            } else {
                out.complete(new Stream(ar.result()));
            }
        });
        return out.get(10, TimeUnit.SECONDS);
    }
}
