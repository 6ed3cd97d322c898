package kapacitor.api.replay;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Mux;
import kapacitor.api.tasks.TaskRoutes;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.service.replay.ReplayCommands;

/**
 * {@code /kapacitor/v1/recordings} and {@code /kapacitor/v1/replays}: Kapacitor's replay service routes: recordings
 * of live writes, of a batch task's queries and of one query, replays of them, and replays that record and replay in
 * one step.
 */
public final class ReplayRoutes implements ApiModule {
    private static final String RECORDINGS = ApiRouter.BASE + "/recordings";
    private static final String REPLAYS = ApiRouter.BASE + "/replays";
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setCodecName(LocalCodec.NAME);

    private final EventBus bus;

    public ReplayRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(RECORDINGS, ctx -> send(ctx, new ReplayCommands.ListRecordings(query(ctx, "pattern"),
            ctx.queryParam("fields"), query(ctx, "offset"), query(ctx, "limit"))));
        mux.get(RECORDINGS + "/", ctx -> send(ctx, new ReplayCommands.GetRecording(id(ctx, "recording"))));
        mux.delete(RECORDINGS + "/", ctx -> send(ctx, new ReplayCommands.DeleteRecording(id(ctx, "recording"))));
        mux.post(RECORDINGS + "/stream", ctx -> send(ctx, new ReplayCommands.RecordStream(ctx.body().buffer())));
        mux.post(RECORDINGS + "/batch", ctx -> send(ctx, new ReplayCommands.RecordBatch(ctx.body().buffer())));
        mux.post(RECORDINGS + "/query", ctx -> send(ctx, new ReplayCommands.RecordQuery(ctx.body().buffer())));
        mux.get(REPLAYS, ctx -> send(ctx, new ReplayCommands.ListReplays(query(ctx, "pattern"),
            ctx.queryParam("fields"), query(ctx, "offset"), query(ctx, "limit"))));
        mux.post(REPLAYS, ctx -> send(ctx, new ReplayCommands.CreateReplay(ctx.body().buffer())));
        mux.get(REPLAYS + "/", ctx -> send(ctx, new ReplayCommands.GetReplay(id(ctx, "replay"))));
        mux.delete(REPLAYS + "/", ctx -> send(ctx, new ReplayCommands.DeleteReplay(id(ctx, "replay"))));
        mux.post(REPLAYS + "/batch", ctx -> send(ctx, new ReplayCommands.ReplayBatch(ctx.body().buffer())));
        mux.post(REPLAYS + "/query", ctx -> send(ctx, new ReplayCommands.ReplayQuery(ctx.body().buffer())));
    }

    private void send(RoutingContext ctx, Object command) {
        bus.<ReplayCommands.Reply>request(Addresses.REPLAY_COMMAND, command, LOCAL).onSuccess(m -> {
            ReplayCommands.Reply reply = m.body();
            if (reply.body() == null) {
                ctx.response().setStatusCode(reply.status()).end();
            } else {
                ctx.response().setStatusCode(reply.status()).end(Json.pretty(reply.body()));
            }
        }).onFailure(ctx::fail);
    }

    /** The id after {@code /recordings/} or {@code /replays/}; Kapacitor answers 400 when there is none. */
    private static String id(RoutingContext ctx, String what) {
        String path = TaskRoutes.decodedPath(ctx);
        String id = path.substring(path.indexOf('/', 1) + 1);
        if (id.isEmpty()) {
            throw ApiException.badRequest("must specify " + what + " id on path");
        }
        return id;
    }

    private static String query(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null ? "" : v;
    }
}
