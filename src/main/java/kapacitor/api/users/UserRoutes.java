package kapacitor.api.users;

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
import kapacitor.auth.Permission;
import kapacitor.auth.StoredUser;
import kapacitor.auth.UserNames;
import kapacitor.service.users.UserCommands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code /kapacitor/v1/users}: list, get, create, update and delete users (services/auth/service.go handlers).
 * Mounted only when {@code [auth] enabled}; passwords and hashes are never written out.
 */
public final class UserRoutes implements ApiModule {
    private static final String USERS = ApiRouter.BASE + "/users";
    private static final List<String> ALL_FIELDS = List.of("link", "name", "type", "permissions");
    private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private final EventBus bus;

    public UserRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(USERS, this::list);
        mux.post(USERS, this::create);
        mux.get(USERS + "/", this::get);
        mux.patch(USERS + "/", this::update);
        mux.delete(USERS + "/", this::delete);
    }

    /** The name after /users/ (it may contain '/': Kapacitor takes the rest of the path). */
    private static String nameFromPath(RoutingContext ctx) {
        String path = ApiRouter.v1Path(ctx);
        String name = path.length() > "/users/".length() ? path.substring("/users/".length()) : "";
        if (name.isEmpty()) {
            throw ApiException.badRequest("must specify username on path");
        }
        return name;
    }

    private void get(RoutingContext ctx) {
        bus.<StoredUser>request(Addresses.USERS_GET, nameFromPath(ctx)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ApiRouter.ok(ctx, view(ar.result().body()));
            }
        });
    }

    private void create(RoutingContext ctx) {
        UserRequests.Options o = UserRequests.decode(ctx.body().buffer());
        if (o.name().isEmpty()) {
            throw ApiException.badRequest("username is required");
        }
        if (!UserNames.valid(o.name())) {
            throw ApiException.badRequest(UserNames.invalidMessage(o.name()));
        }
        if (o.password().isEmpty()) {
            throw ApiException.badRequest("password is required");
        }
        List<Permission> permissions = o.permissions() == null ? List.of() : o.permissions();
        var cmd = new UserCommands.CreateUser(o.name(), o.password(), o.type().equals("admin"),
            Permission.toPrivileges(permissions));
        bus.<StoredUser>request(Addresses.USERS_CREATE, cmd, LOCAL).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ApiRouter.ok(ctx, view(ar.result().body()));
            }
        });
    }

    private void update(RoutingContext ctx) {
        String name = nameFromPath(ctx);
        UserRequests.Options o = UserRequests.decode(ctx.body().buffer());
        Boolean admin = o.type().isEmpty() ? null : o.type().equals("admin");
        var cmd = new UserCommands.UpdateUser(name, o.password(), admin,
            o.permissions() == null ? null : Permission.toPrivileges(o.permissions()));
        bus.<StoredUser>request(Addresses.USERS_UPDATE, cmd, LOCAL).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ApiRouter.ok(ctx, view(ar.result().body()));
            }
        });
    }

    private void delete(RoutingContext ctx) {
        bus.request(Addresses.USERS_DELETE, nameFromPath(ctx)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ApiRouter.noContent(ctx);
            }
        });
    }

    /**
     * Kapacitor writes a bad offset or limit as an error body but carries on with the value Go parsed (0, or the
     * clamped bound): the status is 400 and the users follow the error in the same body. Copied as is.
     */
    private void list(RoutingContext ctx) {
        String pattern = firstParam(ctx, "pattern");
        List<String> fields = new ArrayList<>(ctx.queryParam("fields"));
        if (fields.isEmpty()) {
            fields.addAll(ALL_FIELDS);
        } else {
            fields.add("name");
            fields.add("link");
        }
        Buffer errors = Buffer.buffer();
        long offset = parseInt(firstParam(ctx, "offset"), 0, "offset", errors);
        long limit = parseInt(firstParam(ctx, "limit"), 100, "limit", errors);
        var cmd = new UserCommands.ListUsers(pattern, clamp(offset), clamp(limit));
        bus.<UserCommands.UserList>request(Addresses.USERS_LIST, cmd, LOCAL).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            List<Map<String, Object>> users = new ArrayList<>();
            for (StoredUser u : ar.result().body().users()) {
                // Go encodes the map with sorted keys.
                Map<String, Object> entry = new TreeMap<>();
                for (String field : fields) {
                    Object value = fieldValue(u, field);
                    if (value == null) {
                        String text = "unsupported field " + quote(field);
                        ctx.response().setStatusCode(400).end(errors.appendBuffer(errorJson(text)));
                        return;
                    }
                    entry.put(field, value);
                }
                users.add(entry);
            }
            ctx.response().setStatusCode(errors.length() > 0 ? 400 : 200)
                .end(errors.appendBuffer(Json.pretty(Map.of("users", users))));
        });
    }

    private static Object fieldValue(StoredUser u, String field) {
        switch (field) {
            case "name":
                return u.name();
            case "link":
                return Links.self(link(u.name()));
            case "type":
                return u.admin() ? "admin" : "normal";
            case "permissions":
                return u.permissions().stream().map(Permission::label).toList();
            default:
                return null;
        }
    }

    private static Map<String, Object> view(StoredUser u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("link", Links.self(link(u.name())));
        out.put("name", u.name());
        out.put("type", u.admin() ? "admin" : "normal");
        out.put("permissions", u.permissions().stream().map(Permission::label).toList());
        return out;
    }

    /** path.Join(BasePath, "/users", name): an empty name gives the collection's path. */
    private static String link(String name) {
        return name.isEmpty() ? USERS : USERS + "/" + name;
    }

    private static String firstParam(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.isEmpty() ? "" : values.get(0);
    }

    /** strconv.ParseInt(s, 10, 64) as Kapacitor uses it here; a failure appends its error body to {@code errors}. */
    private static long parseInt(String text, long dflt, String param, Buffer errors) {
        if (text.isEmpty()) {
            return dflt;
        }
        String reason;
        long value = 0;
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (GO_INT.matcher(text).matches()) {
                reason = "value out of range";
                value = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            } else {
                reason = "invalid syntax";
            }
        }
        errors.appendBuffer(errorJson("invalid " + param + " parameter " + quote(text) + " must be an integer: "
            + "strconv.ParseInt: parsing " + quote(text) + ": " + reason));
        return value;
    }

    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static Buffer errorJson(String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", text);
        body.put("message", text);
        return Json.pretty(body);
    }

    private static String quote(String s) {
        return kapacitor.util.GoQuote.quote(s);
    }
}
