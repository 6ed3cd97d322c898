package kapacitor.api.servicetests;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Links;
import kapacitor.api.Mux;
import kapacitor.service.servicetest.GlobPattern;
import kapacitor.service.servicetest.ServiceTester;
import kapacitor.service.servicetest.ServiceTests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /kapacitor/v1/service-tests}: list the testable services, show one's default options, run a test. Bodies
 * are compact JSON with a trailing newline (Kapacitor writes them with json.Encoder); a test that fails is still a
 * 200 with {@code success: false} and the failure's text.
 */
public final class ServiceTestRoutes implements ApiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceTestRoutes.class);
    private static final String PATH = ApiRouter.BASE + "/service-tests";

    private final ServiceTests tests;

    public ServiceTestRoutes(ServiceTests tests) {
        this.tests = tests;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(PATH, this::list);
        mux.get(PATH + "/", this::options);
        mux.post(PATH + "/", this::test);
    }

    private void list(RoutingContext ctx) {
        List<ServiceTester> matching;
        try {
            matching = tests.matching(pattern(ctx));
        } catch (GlobPattern.BadPatternException e) {
            ctx.fail(ApiException.badRequest("bad pattern: " + e.getMessage()));
            return;
        }
        List<Future<Map<String, Object>>> all = new ArrayList<>();
        matching.forEach(t -> all.add(view(t)));
        Future.all(all).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            List<Object> services = new ArrayList<>();
            all.forEach(f -> services.add(f.result()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("link", Links.self(PATH));
            // encoding/json writes a nil slice as null when nothing matches.
            body.put("services", services.isEmpty() ? null : services);
            write(ctx, body);
        });
    }

    private static String pattern(RoutingContext ctx) {
        String p = ctx.queryParams().get("pattern");
        return p == null ? "" : p;
    }

    private void options(RoutingContext ctx) {
        ServiceTester t = tester(ctx);
        if (t != null) {
            view(t).onSuccess(v -> write(ctx, v)).onFailure(ctx::fail);
        }
    }

    private void test(RoutingContext ctx) {
        ServiceTester t = tester(ctx);
        if (t == null) {
            return;
        }
        JsonObject posted;
        try {
            String body = ctx.body().asString();
            posted = body == null || body.isBlank() ? null : new JsonObject(body);
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("failed to decode JSON body:" + e.getMessage()));
            return;
        }
        t.options().onFailure(ctx::fail).onSuccess(defaults -> {
            JsonObject options;
            try {
                options = ServiceTests.overlay(defaults, posted);
            } catch (ServiceTests.DecodeException e) {
                ctx.fail(ApiException.badRequest("failed to decode JSON body:" + e.getMessage()));
                return;
            }
            t.test(options).onComplete(ar -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("success", ar.succeeded());
                result.put("message", ar.succeeded() ? "" : String.valueOf(ar.cause().getMessage()));
                if (ar.failed()) {
                    LOG.debug("msg=\"service test failed\" service={} err=\"{}\"", t.name(),
                        ar.cause().getMessage());
                }
                write(ctx, result);
            });
        });
    }

    /** The tester the path names, or null after answering 400/404 as Kapacitor does. */
    private ServiceTester tester(RoutingContext ctx) {
        String rest = ApiRouter.v1Path(ctx).substring("/service-tests/".length());
        String name = rest.replaceAll("/+$", "");
        if (name.isEmpty()) {
            ctx.fail(ApiException.badRequest("must provide service name"));
            return null;
        }
        ServiceTester t = tests.get(name);
        if (t == null) {
            ctx.fail(ApiException.notFound("service \"" + name + "\" not found"));
        }
        return t;
    }

    private static Future<Map<String, Object>> view(ServiceTester t) {
        return t.options().map(options -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("link", Links.self(PATH + "/" + t.name()));
            v.put("name", t.name());
            v.put("options", options);
            return v;
        });
    }

    private static void write(RoutingContext ctx, Object body) {
        ctx.response().setStatusCode(200).end(Json.compact(body).appendString("\n"));
    }
}
