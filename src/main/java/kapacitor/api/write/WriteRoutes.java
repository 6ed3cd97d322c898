package kapacitor.api.write;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
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
    /** Above this many bytes a body is parsed off the event loop. */
    static final int INLINE_PARSE_LIMIT = 256 * 1024;

    // Parsers cache names and shapes and are not thread-safe: one per event-loop or worker thread.
    private static final ThreadLocal<LineProtocolParser> PARSERS = ThreadLocal.withInitial(LineProtocolParser::new);

    private final Vertx vertx;
    private final IngestRouter router;
    private final IngestStats stats;
    private final String defaultRetentionPolicy;

    public WriteRoutes(Vertx vertx, IngestRouter router, String defaultRetentionPolicy) {
        this.vertx = vertx;
        this.router = router;
        this.stats = router.stats();
        this.defaultRetentionPolicy = defaultRetentionPolicy == null ? "" : defaultRetentionPolicy;
    }

    @Override
    public void mount(Mux mux) {
        mux.post("/write", this::write);
        mux.post(ApiRouter.BASE + "/write", this::write);
    }

    private void write(RoutingContext ctx) {
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
        Buffer body = ctx.body().buffer();
        int length = body == null ? 0 : body.length();
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
        if (length <= INLINE_PARSE_LIMIT) {
            finish(ctx, db, rp, parse(body, db, rp, precision, now));
        } else {
            Future<ParseResult> parsed = vertx.executeBlocking(() -> parse(body, db, rp, precision, now), false);
            parsed.onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                } else {
                    finish(ctx, db, rp, ar.result());
                }
            });
        }
    }

    private static ParseResult parse(Buffer body, String db, String rp, Precision precision, long now) {
        ByteBuf buf = ((BufferInternal) body).getByteBuf();
        if (buf.hasArray()) {
            // Parse straight from the received bytes: no copy of the body.
            return PARSERS.get().parse(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes(),
                db, rp, precision, now);
        }
        byte[] bytes = body.getBytes();
        return PARSERS.get().parse(bytes, 0, bytes.length, db, rp, precision, now);
    }

    private void finish(RoutingContext ctx, String db, String rp, ParseResult result) {
        if (db == null || db.isEmpty()) {
            // Kapacitor parses first, then insists on a database.
            fail(ctx, result.hasErrors() ? result.errorMessage() : "database is required");
            return;
        }
        int good = result.points().size();
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
