package kapacitor.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Links;
import kapacitor.api.Mux;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.service.config.ConfigQuery;
import kapacitor.service.config.ConfigSnapshot;
import kapacitor.service.config.ConfigUpdate;
import kapacitor.service.config.ElementView;
import kapacitor.service.config.SectionView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /kapacitor/v1/config}: the overridable configuration (GET) and its overrides (POST), as Kapacitor's
 * services/config serves them. GET bodies are compact JSON with a trailing newline: Kapacitor writes them with
 * json.Encoder, not the indented form of its other endpoints.
 */
public final class ConfigRoutes implements ApiModule {
    private static final String CONFIG = ApiRouter.BASE + "/config";
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private final EventBus bus;

    public ConfigRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(CONFIG, this::get);
        mux.get(CONFIG + "/", this::get);
        mux.post(CONFIG + "/", this::update);
    }

    /** The path split as Kapacitor splits it: section, element (the rest after the first '/'), and what was given. */
    private record Target(String section, String element, boolean hasSection, boolean hasElement) {
        static Target of(RoutingContext ctx) {
            String path = ApiRouter.v1Path(ctx);
            if (!path.startsWith("/config/")) {
                return new Target("", "", false, false);
            }
            String rest = path.substring("/config/".length());
            int slash = rest.indexOf('/');
            String section = slash < 0 ? rest : rest.substring(0, slash);
            String element = slash < 0 ? "" : rest.substring(slash + 1);
            return new Target(section, element, true, !element.isEmpty() || !section.isEmpty() && path.endsWith("/"));
        }
    }

    private void get(RoutingContext ctx) {
        Target t = Target.of(ctx);
        bus.<ConfigSnapshot>request(Addresses.CONFIG_QUERY, new ConfigQuery(t.section()), LOCAL).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Map<String, SectionView> sections = ar.result().body().sections();
            if (t.hasSection() && t.section().isEmpty()) {
                ctx.fail(ApiException.badRequest("section not specified, do you have an extra trailing '/'?"));
                return;
            }
            if (!t.hasSection()) {
                Map<String, Object> all = new TreeMap<>();
                sections.forEach((name, s) -> all.put(name, sectionJson(name, s)));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("link", Links.self(CONFIG));
                body.put("sections", all);
                write(ctx, body);
                return;
            }
            SectionView section = sections.get(t.section());
            if (section == null) {
                ctx.fail(ApiException.notFound("unknown section: " + t.section()));
                return;
            }
            if (!t.hasElement()) {
                write(ctx, sectionJson(t.section(), section));
                return;
            }
            for (ElementView e : section.elements()) {
                if (matches(section, e, t.element())) {
                    write(ctx, elementJson(t.section(), e));
                    return;
                }
            }
            ctx.fail(ApiException.notFound("unknown section/element: " + t.section() + "/" + t.element()));
        });
    }

    private static boolean matches(SectionView section, ElementView e, String element) {
        if (element.isEmpty() && section.elementKey().isEmpty()) {
            return true;
        }
        JsonNode key = e.options().get(section.elementKey());
        return key != null && key.isTextual() && key.asText().equals(element);
    }

    private static Map<String, Object> sectionJson(String name, SectionView section) {
        List<Object> elements = new ArrayList<>();
        section.elements().forEach(e -> elements.add(elementJson(name, e)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("link", Links.self(CONFIG + "/" + name));
        // Kapacitor appends to a nil slice: a section without elements shows null.
        body.put("elements", elements.isEmpty() ? null : elements);
        return body;
    }

    private static Map<String, Object> elementJson(String section, ElementView e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("link", Links.self(CONFIG + "/" + section + "/" + e.id()));
        body.put("options", e.options());
        body.put("redacted", e.redacted());
        return body;
    }

    private static void write(RoutingContext ctx, Object body) {
        ctx.response().setStatusCode(200).end(Json.compact(body).appendString("\n"));
    }

    private void update(RoutingContext ctx) {
        Target t = Target.of(ctx);
        Buffer body = ctx.body().buffer();
        bus.request(Addresses.CONFIG_UPDATE, new ConfigUpdate(t.section(), t.element(), t.hasElement(), body), LOCAL)
            .onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                } else {
                    ApiRouter.noContent(ctx);
                }
            });
    }
}
