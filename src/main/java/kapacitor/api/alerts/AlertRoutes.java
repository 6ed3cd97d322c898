package kapacitor.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;
import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoValues;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Links;
import kapacitor.api.Mux;
import kapacitor.app.Addresses;
import kapacitor.runtime.time.GoTime;
import kapacitor.service.alert.AlertCommands;
import kapacitor.service.alert.AlertCommands.Command;
import kapacitor.service.alert.AlertCommands.EventInfo;
import kapacitor.service.alert.AlertCommands.TopicInfo;
import kapacitor.service.alert.HandlerSpec;
import kapacitor.service.alert.HandlerSpecJson;
import kapacitor.service.alert.JsonPatch;
import kapacitor.util.Glob;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /kapacitor/v1/alerts/topics}: topics, their events and their handlers, with Kapacitor's paths, link objects
 * and error texts (services/alert/api.go). Decodes requests, asks {@code AlertManagerVerticle}, renders the reply.
 */
public final class AlertRoutes implements ApiModule {
    private static final String TOPICS = ApiRouter.BASE + "/alerts/topics";

    private final EventBus bus;

    public AlertRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(TOPICS, this::listTopics);
        mux.get(TOPICS + "/", this::get);
        mux.post(TOPICS + "/", this::create);
        mux.put(TOPICS + "/", this::replace);
        mux.patch(TOPICS + "/", this::patch);
        mux.delete(TOPICS + "/", this::delete);
    }

    /** The path below {@code /alerts/topics/}, split as Kapacitor's path.Match patterns see it. */
    private record TopicPath(String rest, String[] parts) {
        static TopicPath of(RoutingContext ctx) {
            String p = ApiRouter.v1Path(ctx).substring("/alerts/topics/".length());
            return new TopicPath(p, p.split("/", -1));
        }

        String topic() {
            return parts[0];
        }

        boolean is(String section, int length) {
            return parts.length == length && parts[1].equals(section);
        }

        /** The handler id when the path is {@code <topic>/.../handlers/<id>} (path.Split), else null. */
        String handlerId() {
            int slash = rest.lastIndexOf('/');
            if (slash < 0 || !rest.substring(0, slash + 1).endsWith("handlers/")) {
                return null;
            }
            return rest.substring(slash + 1);
        }
    }

    private void listTopics(RoutingContext ctx) {
        String pattern = pattern(ctx);
        Level min = minLevel(ctx);
        String self = ctx.request().uri();
        send(ctx, new AlertCommands.ListTopics(pattern, min), value -> {
            List<Object> list = new ArrayList<>();
            for (Object t : (List<?>) value) {
                list.add(topic((TopicInfo) t));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("link", Links.self(self));
            body.put("topics", list);
            return body;
        });
    }

    private void get(RoutingContext ctx) {
        TopicPath p = TopicPath.of(ctx);
        String topic = p.topic();
        if (p.is("events", 2)) {
            Level min = minLevel(ctx);
            send(ctx, new AlertCommands.ListEvents(topic, min), value -> {
                List<Object> events = new ArrayList<>();
                for (Object e : (List<?>) value) {
                    events.add(event(topic, (EventInfo) e));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("link", Links.self(eventsHref(topic)));
                body.put("topic", topic);
                body.put("events", events);
                return body;
            });
        } else if (p.is("events", 3)) {
            send(ctx, new AlertCommands.GetEvent(topic, p.parts()[2]), value -> event(topic, (EventInfo) value));
        } else if (p.is("handlers", 2)) {
            String pattern = pattern(ctx);
            String self = ctx.request().uri();
            send(ctx, new AlertCommands.ListHandlers(topic, pattern), value -> {
                List<Object> list = new ArrayList<>();
                for (Object h : (List<?>) value) {
                    list.add(handler((HandlerSpec) h));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("link", Links.self(self));
                body.put("topic", topic);
                body.put("handlers", list);
                return body;
            });
        } else if (p.is("handlers", 3)) {
            send(ctx, new AlertCommands.GetHandler(topic, p.parts()[2]), value -> handler((HandlerSpec) value));
        } else {
            send(ctx, new AlertCommands.GetTopic(topic), value -> topic((TopicInfo) value));
        }
    }

    private void create(RoutingContext ctx) {
        String topic = TopicPath.of(ctx).topic();
        HandlerSpec spec = decodeSpec(ctx, topic, "invalid handler json: ");
        send(ctx, new AlertCommands.CreateHandler(spec), value -> handler((HandlerSpec) value));
    }

    private void replace(RoutingContext ctx) {
        TopicPath p = TopicPath.of(ctx);
        String id = p.handlerId() == null ? "" : p.handlerId();
        HandlerSpec spec;
        try {
            spec = decodeSpec(ctx, p.topic(), "failed to unmarshal JSON: ");
        } catch (ApiException e) {
            // Kapacitor reports an unknown handler before it looks at the body.
            send(ctx, new AlertCommands.GetHandler(p.topic(), id), value -> {
                throw e;
            });
            return;
        }
        send(ctx, new AlertCommands.ReplaceHandler(id, spec), value -> handler((HandlerSpec) value));
    }

    private void patch(RoutingContext ctx) {
        TopicPath p = TopicPath.of(ctx);
        String id = p.handlerId() == null ? "" : p.handlerId();
        JsonPatch patch;
        try {
            patch = JsonPatch.of(readTree(ctx.body().buffer()));
        } catch (IllegalArgumentException | IOException e) {
            // Kapacitor reports an unknown handler before it looks at the body.
            send(ctx, new AlertCommands.GetHandler(p.topic(), id), value -> {
                throw new ApiException(400, "invalid patch json: " + e.getMessage());
            });
            return;
        }
        send(ctx, new AlertCommands.PatchHandler(p.topic(), id, patch), value -> handler((HandlerSpec) value));
    }

    private void delete(RoutingContext ctx) {
        TopicPath p = TopicPath.of(ctx);
        String id = p.handlerId();
        Command c = id == null ? new AlertCommands.DeleteTopic(p.topic())
            : new AlertCommands.DeleteHandler(p.topic(), id);
        bus.request(Addresses.ALERTS_COMMAND, c).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ApiRouter.noContent(ctx);
            }
        });
    }

    private interface Render {
        Object render(Object value);
    }

    private void send(RoutingContext ctx, Command c, Render render) {
        bus.<AlertCommands.Reply>request(Addresses.ALERTS_COMMAND, c)
            .compose(msg -> {
                try {
                    return Future.succeededFuture(render.render(msg.body().value()));
                } catch (ApiException e) {
                    return Future.failedFuture(e);
                }
            })
            .onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                } else {
                    ApiRouter.ok(ctx, ar.result());
                }
            });
    }

    private static JsonNode readTree(Buffer body) throws IOException {
        if (body == null || body.length() == 0) {
            throw new IOException("EOF");
        }
        try {
            return Json.MAPPER.readTree(body.getBytes());
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            // Go's decoder names a truncated document this way.
            throw new IOException("unexpected EOF");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(e.getOriginalMessage());
        }
    }

    private static HandlerSpec decodeSpec(RoutingContext ctx, String topic, String failure) {
        try {
            return HandlerSpecJson.decode(readTree(ctx.body().buffer()), topic, false);
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(400, failure + e.getMessage());
        }
    }

    private static String pattern(RoutingContext ctx) {
        String pattern = ctx.request().getParam("pattern", "");
        if (!Glob.isValid(pattern)) {
            throw new ApiException(400, "invalid pattern: syntax error in pattern");
        }
        return pattern;
    }

    /**
     * Kapacitor's ParseLevel: the upper-cased text is looked up in "OKINFOWARNINGCRITICAL" and accepted when it
     * starts where a level name starts, so "" is OK and prefixes such as "CRIT" are accepted.
     */
    private static Level minLevel(RoutingContext ctx) {
        String s = ctx.request().getParam("min-level", "").toUpperCase(java.util.Locale.ROOT);
        String names = "OKINFOWARNINGCRITICAL";
        int at = names.indexOf(s);
        int offset = 0;
        for (Level l : Level.values()) {
            if (at == offset) {
                return l;
            }
            offset += l.name().length();
        }
        throw new ApiException(400, "unknown alert level '" + s + "'");
    }

    private static String eventsHref(String topic) {
        return TOPICS + "/" + topic + "/events";
    }

    private static Map<String, Object> topic(TopicInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("link", Links.self(TOPICS + "/" + t.id()));
        m.put("id", t.id());
        m.put("level", t.level().name());
        m.put("collected", t.collected());
        m.put("events-link", link("events", eventsHref(t.id())));
        m.put("handlers-link", link("handlers", TOPICS + "/" + t.id() + "/handlers"));
        return m;
    }

    private static Map<String, String> link(String rel, String href) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("rel", rel);
        l.put("href", href);
        return l;
    }

    private static Map<String, Object> event(String topic, EventInfo e) {
        EventState s = e.state();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("message", s.message());
        state.put("details", s.details());
        state.put("time", GoTime.formatRfc3339Nano(s.time()));
        state.put("duration", GoValues.durationString(s.duration()));
        state.put("level", s.level().name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("link", Links.self(eventsHref(topic) + "/" + e.id()));
        m.put("id", e.id());
        m.put("state", state);
        return m;
    }

    private static Map<String, Object> handler(HandlerSpec h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("link", Links.self(TOPICS + "/" + h.topic() + "/handlers/" + h.id()));
        m.put("id", h.id());
        m.put("kind", h.kind());
        m.put("options", h.options());
        m.put("match", h.match());
        return m;
    }
}
