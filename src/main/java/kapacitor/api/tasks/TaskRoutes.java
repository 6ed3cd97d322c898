package kapacitor.api.tasks;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Mux;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.service.task.TaskCommands;
import kapacitor.service.task.TaskOptions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /kapacitor/v1/tasks}: Kapacitor's task routes. {@code /tasks/ID/NAME} is a running task's httpOut endpoint,
 * reached through the same subtree pattern, as in Kapacitor's mux.
 */
public final class TaskRoutes implements ApiModule {
    private static final String TASKS = ApiRouter.BASE + "/tasks";
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private final EventBus bus;

    public TaskRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(TASKS, this::list);
        mux.post(TASKS, this::create);
        mux.get(TASKS + "/", this::get);
        mux.patch(TASKS + "/", this::update);
        mux.delete(TASKS + "/", this::delete);
    }

    private void list(RoutingContext ctx) {
        send(ctx, Addresses.TASKS_LIST, new TaskCommands.ListTasks(query(ctx, "pattern"), ctx.queryParam("fields"),
            query(ctx, "script-format"), query(ctx, "dot-view"), query(ctx, "offset"), query(ctx, "limit")));
    }

    private void create(RoutingContext ctx) {
        send(ctx, Addresses.TASKS_CREATE, new TaskCommands.Create(TaskOptions.decode(ctx.body().buffer())));
    }

    private void get(RoutingContext ctx) {
        String id = idFromPath(ctx);
        int slash = id.indexOf('/');
        if (slash >= 0) {
            bus.<Buffer>request(Addresses.TASKS_HTTP_OUT,
                    new TaskCommands.HttpOut(id.substring(0, slash), id.substring(slash + 1)), LOCAL)
                .onSuccess(reply -> ctx.response().setStatusCode(200).end(reply.body()))
                .onFailure(ctx::fail);
            return;
        }
        send(ctx, Addresses.TASKS_GET,
            new TaskCommands.Get(id, query(ctx, "script-format"), query(ctx, "dot-view"), query(ctx, "replay-id")));
    }

    private void update(RoutingContext ctx) {
        String id = idFromPath(ctx);
        send(ctx, Addresses.TASKS_UPDATE, new TaskCommands.Update(id, TaskOptions.decode(ctx.body().buffer())));
    }

    private void delete(RoutingContext ctx) {
        bus.request(Addresses.TASKS_DELETE, new TaskCommands.Delete(idFromPath(ctx)), LOCAL)
            .onSuccess(reply -> ApiRouter.noContent(ctx))
            .onFailure(ctx::fail);
    }

    private void send(RoutingContext ctx, String address, Object command) {
        Future<Message<TaskCommands.JsonReply>> reply = bus.request(address, command, LOCAL);
        reply.onSuccess(m -> ApiRouter.ok(ctx, m.body().body())).onFailure(ctx::fail);
    }

    /** The id after {@code /tasks/}; Kapacitor answers 400 when there is none. */
    static String idFromPath(RoutingContext ctx) {
        String id = decodedPath(ctx).substring("/tasks/".length());
        if (id.isEmpty()) {
            throw ApiException.badRequest("must specify task id on path");
        }
        return id;
    }

    /**
     * The v1 path percent-decoded as Go's {@code URL.Path} is (Vert.x leaves non-ASCII escapes encoded), so ids
     * such as {@code tásk7} reach the manager as they were created.
     */
    public static String decodedPath(RoutingContext ctx) {
        String path = ApiRouter.v1Path(ctx);
        if (path.indexOf('%') < 0) {
            return path;
        }
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid URL escape in " + path);
        }
    }

    static String query(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null ? "" : v;
    }
}
