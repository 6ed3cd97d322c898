package kapacitor.api.write;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Mux;
import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.ParseResult;
import kapacitor.lineprotocol.Precision;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;

import java.util.Map;

/**
 * {@code POST /write} and {@code POST /kapacitor/v1/write}: InfluxDB 1.x line protocol, answered as InfluxDB answers
 * (204, or 400 {@code {"error": ...}} with the well-formed lines still delivered). Small bodies are parsed on the
 * event loop; large ones on a worker so the loop stays responsive.
 */
public final class WriteRoutes implements ApiModule {
    /**
     * Above this many bytes a body is parsed off the event loop. The parser does about 8 M lines/s, so 4 MiB (some
     * 50,000 lines) holds the loop for a few milliseconds; keeping typical bodies on the loop's own parser also keeps
     * one interned tag set per series per loop, which the tasks' group-id caches rely on.
     */
    static final int INLINE_PARSE_LIMIT = 4 * 1024 * 1024;

    // Parsers cache names and shapes and are not thread-safe: one per event-loop or worker thread.
    private static final ThreadLocal<LineProtocolParser> PARSERS = ThreadLocal.withInitial(LineProtocolParser::new);

    private final Vertx vertx;
    private final IngestRouter router;
    private final IngestStats stats;
    private final String defaultRetentionPolicy;
    private final long maxBodySize;

    public WriteRoutes(Vertx vertx, IngestRouter router, String defaultRetentionPolicy, long maxBodySize) {
        this.vertx = vertx;
        this.router = router;
        this.stats = router.stats();
        this.defaultRetentionPolicy = defaultRetentionPolicy == null ? "" : defaultRetentionPolicy;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void mount(Mux mux) {
        mux.handleRaw(HttpMethod.POST, "/write", this::receive);
        mux.handleRaw(HttpMethod.POST, ApiRouter.BASE + "/write", this::receive);
    }

    /** Reads the body as it arrives (one copy into a pre-sized array), then writes it. */
    private void receive(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        long declared = -1;
        String contentLength = req.getHeader("Content-Length");
        // A gzip body's Content-Length is the compressed size: only a hint for the inflated one.
        if (contentLength != null && req.getHeader("Content-Encoding") == null) {
            try {
                declared = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException ignored) {
                declared = -1;
            }
        }
        BodyCollector body = new BodyCollector(declared, maxBodySize);
        req.handler(body::append);
        req.exceptionHandler(ctx::fail);
        req.endHandler(v -> {
            if (body.tooLarge()) {
                ctx.response().setStatusCode(413).end(Json.compact(Map.of("error",
                    "request body too large: the limit is " + maxBodySize + " bytes ([http] max-body-size)")));
                return;
            }
            write(ctx, body.data(), body.size());
        });
    }

    private void write(RoutingContext ctx, byte[] data, int length) {
        stats.writeRequests.increment();
        Precision precision;
        try {
            precision = Precision.parse(ctx.request().getParam("precision"));
        } catch (IllegalArgumentException e) {
            fail(ctx, e.getMessage());
            return;
        }
        String db = ctx.request().getParam("db");
        String rpParam = ctx.request().getParam("rp");
        String rp = rpParam == null || rpParam.isEmpty() ? defaultRetentionPolicy : rpParam;
        stats.bytesReceived.add(length);
        if (length == 0) {
            if (db == null || db.isEmpty()) {
                fail(ctx, "database is required");
                return;
            }
            ctx.response().setStatusCode(204).end();
            return;
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        // Points nobody reads are not built: the body is only checked, with the same errors and counts.
        boolean build = db != null && !db.isEmpty() && router.wants(db, rp);
        if (length <= INLINE_PARSE_LIMIT) {
            finish(ctx, db, rp, parse(data, length, db, rp, precision, now, build));
        } else {
            Future<ParseResult> parsed = vertx.executeBlocking(
                () -> parse(data, length, db, rp, precision, now, build), false);
            parsed.onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                } else {
                    finish(ctx, db, rp, ar.result());
                }
            });
        }
    }

    private static ParseResult parse(byte[] data, int length, String db, String rp, Precision precision, long now,
                                     boolean build) {
        LineProtocolParser parser = PARSERS.get();
        return build ? parser.parse(data, 0, length, db, rp, precision, now)
            : parser.validate(data, 0, length, precision, now);
    }

    private void finish(RoutingContext ctx, String db, String rp, ParseResult result) {
        if (db == null || db.isEmpty()) {
            // Kapacitor parses first, then insists on a database.
            fail(ctx, result.hasErrors() ? result.errorMessage() : "database is required");
            return;
        }
        int good = result.accepted();
        if (good > 0) {
            router.route(db, rp, result.points());
            stats.pointsReceived.add(good);
        }
        if (result.hasErrors()) {
            stats.parseErrors.add(result.droppedCount());
            fail(ctx, good > 0 ? result.partialWriteMessage() : result.errorMessage());
            return;
        }
        ctx.response().setStatusCode(204).end();
    }

    /** InfluxDB's error body: compact {@code {"error": "..."}}. */
    private static void fail(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(400).end(Json.compact(Map.of("error", message)));
    }
}
