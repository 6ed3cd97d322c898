package kapacitor.api.templates;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Mux;
import kapacitor.api.tasks.TaskRoutes;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.service.task.TaskCommands;
import kapacitor.service.task.TemplateCommands;
import kapacitor.service.task.TemplateOptions;

/** {@code /kapacitor/v1/templates}: Kapacitor's template routes. */
public final class TemplateRoutes implements ApiModule {
    private static final String TEMPLATES = ApiRouter.BASE + "/templates";
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private final EventBus bus;

    public TemplateRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(TEMPLATES, this::list);
        mux.post(TEMPLATES, this::create);
        mux.get(TEMPLATES + "/", this::get);
        mux.patch(TEMPLATES + "/", this::update);
        mux.delete(TEMPLATES + "/", this::delete);
    }

    private void list(RoutingContext ctx) {
        send(ctx, Addresses.TEMPLATES_LIST, new TemplateCommands.ListTemplates(query(ctx, "pattern"),
            ctx.queryParam("fields"), query(ctx, "script-format"), query(ctx, "offset"), query(ctx, "limit")));
    }

    private void create(RoutingContext ctx) {
        send(ctx, Addresses.TEMPLATES_CREATE,
            new TemplateCommands.Create(TemplateOptions.decode(ctx.body().buffer())));
    }

    private void get(RoutingContext ctx) {
        send(ctx, Addresses.TEMPLATES_GET, new TemplateCommands.Get(idFromPath(ctx), query(ctx, "script-format")));
    }

    private void update(RoutingContext ctx) {
        String id = idFromPath(ctx);
        send(ctx, Addresses.TEMPLATES_UPDATE,
            new TemplateCommands.Update(id, TemplateOptions.decode(ctx.body().buffer())));
    }

    private void delete(RoutingContext ctx) {
        bus.request(Addresses.TEMPLATES_DELETE, new TemplateCommands.Delete(idFromPath(ctx)), LOCAL)
            .onSuccess(reply -> ApiRouter.noContent(ctx))
            .onFailure(ctx::fail);
    }

    private void send(RoutingContext ctx, String address, Object command) {
        Future<Message<TaskCommands.JsonReply>> reply = bus.request(address, command, LOCAL);
        reply.onSuccess(m -> ApiRouter.ok(ctx, m.body().body())).onFailure(ctx::fail);
    }

    private static String idFromPath(RoutingContext ctx) {
        String id = TaskRoutes.decodedPath(ctx).substring("/templates/".length());
        if (id.isEmpty()) {
            throw ApiException.badRequest("must specify template id on path");
        }
        return id;
    }

    private static String query(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null ? "" : v;
    }
}
