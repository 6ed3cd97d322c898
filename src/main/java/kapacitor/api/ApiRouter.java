package kapacitor.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import kapacitor.app.Version;

import java.util.List;
import java.util.UUID;

/**
 * Builds one HTTP verticle's router: the filters Kapacitor wraps around every route (request id, CORS, version
 * header, JSON content type, access log), the body limit, then dispatch through a Kapacitor-style {@link Mux}.
 */
public final class ApiRouter {
    public static final String BASE = "/kapacitor/v1";
    public static final String PREVIEW = "/kapacitor/v1preview";

    private static final String CORS_METHODS = "DELETE, GET, OPTIONS, POST, PATCH";
    private static final String CORS_HEADERS =
        "Accept, Accept-Encoding, Authorization, Content-Length, Content-Type, X-CSRF-Token, X-HTTP-Method-Override";

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, HttpServerSettings settings, List<ApiModule> modules) {
        return create(vertx, settings, modules, null);
    }

    /** {@code guard}: checked before every route's handler, or null for none. */
    public static Router create(Vertx vertx, HttpServerSettings settings, List<ApiModule> modules,
                                RequestGuard guard) {
        Mux mux = new Mux();
        mux.get(BASE + "/ping", ApiRouter::noContent);
        mux.head(BASE + "/ping", ApiRouter::noContent);
        mux.get(BASE + "/:routes", ctx -> ok(ctx, mux.routes()));
        for (ApiModule module : modules) {
            module.mount(mux);
        }

        Router router = Router.router(vertx);
        AccessLog accessLog = settings.logEnabled() ? new AccessLog() : null;
        router.route().handler(ctx -> filters(ctx, accessLog));
        BodyHandler body = BodyHandler.create(false);
        if (settings.maxBodySize() > 0) {
            body.setBodyLimit(settings.maxBodySize());
        }
        router.route().handler(ctx -> route(ctx, mux, body, guard));
        router.route().handler(ctx -> guarded(ctx, guard));
        router.route().failureHandler(new FailureHandler(settings.maxBodySize()));
        return router;
    }

    private static void filters(RoutingContext ctx, AccessLog accessLog) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse resp = ctx.response();
        String requestId = UUID.randomUUID().toString();
        resp.putHeader("Request-Id", requestId);
        if (accessLog != null) {
            long start = System.nanoTime();
            ctx.addEndHandler(v -> accessLog.log(ctx, requestId, start));
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !origin.isEmpty()) {
            resp.putHeader("Access-Control-Allow-Origin", origin);
            resp.putHeader("Access-Control-Allow-Methods", CORS_METHODS);
            resp.putHeader("Access-Control-Allow-Headers", CORS_HEADERS);
        }
        if (req.method() == HttpMethod.OPTIONS) {
            // Kapacitor answers every preflight here, before routing, with an empty 200.
            resp.setStatusCode(200).end();
            return;
        }
        resp.putHeader("X-Kapacitor-Version", Version.kapacitor());
        resp.putHeader("Content-Type", "application/json; charset=utf-8");
        ctx.next();
    }

    private static final String ROUTE = "kapacitor.route";
    private static final Mux.Entry NOT_FOUND = new Mux.Entry(ctx -> {
        ctx.response().setStatusCode(404);
        FailureHandler.writeError(ctx, "Not Found");
    }, false);

    /** Finds the route, then buffers the body for it unless it reads the body itself. */
    private static void route(RoutingContext ctx, Mux mux, BodyHandler body, RequestGuard guard) {
        String path = ctx.normalizedPath();
        Mux.Entry e = mux.match(ctx.request().method(), path);
        if (e == null && path.startsWith(PREVIEW + "/")) {
            // Every v1 route is also served under v1preview (Kapacitor's rewritePreview).
            e = mux.match(ctx.request().method(), BASE + path.substring(PREVIEW.length()));
        }
        if (e == null) {
            // Read the body before answering, so the kept-alive connection is ready for the next request.
            e = NOT_FOUND;
        }
        ctx.put(ROUTE, e);
        if (e.rawBody()) {
            guarded(ctx, guard);
        } else {
            body.handle(ctx);
        }
    }

    /** Runs the route once the guard admits the request; a raw-body route's request waits paused meanwhile. */
    private static void guarded(RoutingContext ctx, RequestGuard guard) {
        if (guard == null) {
            invoke(ctx);
            return;
        }
        Future<Void> admitted;
        try {
            admitted = guard.admit(ctx);
        } catch (RuntimeException ex) {
            admitted = Future.failedFuture(ex);
        }
        HttpServerRequest req = ctx.request();
        boolean unread = ((Mux.Entry) ctx.get(ROUTE)).rawBody() && !req.isEnded();
        boolean paused = unread && !admitted.isComplete();
        if (paused) {
            req.pause();
        }
        admitted.onComplete(ar -> {
            if (ar.succeeded()) {
                invoke(ctx);
                if (paused) {
                    req.resume();
                }
            } else if (unread && !req.isEnded()) {
                // Read the unread body before answering, so the kept-alive connection is ready for the next request.
                req.handler(chunk -> { });
                req.endHandler(v -> reject(ctx, ar.cause()));
                req.resume();
            } else {
                reject(ctx, ar.cause());
            }
        });
    }

    private static void reject(RoutingContext ctx, Throwable cause) {
        if (cause instanceof RequestGuard.Rejection r) {
            ctx.response().setStatusCode(r.status()).end(r.body());
        } else {
            ctx.fail(cause);
        }
    }

    private static void invoke(RoutingContext ctx) {
        Mux.Entry e = ctx.get(ROUTE);
        try {
            e.handler().handle(ctx);
        } catch (RuntimeException ex) {
            ctx.fail(ex);
        }
    }

    /** The request path relative to {@code /kapacitor/v1} (also when it came in under the preview prefix). */
    public static String v1Path(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith(PREVIEW + "/") || path.equals(PREVIEW)) {
            return path.substring(PREVIEW.length());
        }
        return path.startsWith(BASE) ? path.substring(BASE.length()) : path;
    }

    public static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    public static void ok(RoutingContext ctx, Object body) {
        ctx.response().setStatusCode(200).end(Json.pretty(body));
    }

    public static void respond(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).end(Json.pretty(body));
    }
}
