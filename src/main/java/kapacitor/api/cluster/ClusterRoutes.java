package kapacitor.api.cluster;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Mux;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /kapacitor/v1/cluster} (ours, not Kapacitor's): the members with their HTTP addresses, the tasks with
 * the node holding their lease and its epoch, and the tasks executing on the node that answers.
 */
public final class ClusterRoutes implements ApiModule {
    private final Supplier<Future<Map<String, Object>>> document;

    public ClusterRoutes(Supplier<Future<Map<String, Object>>> document) {
        this.document = document;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(ApiRouter.BASE + "/cluster", this::get);
    }

    private void get(RoutingContext ctx) {
        document.get().onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().setStatusCode(200).end(Json.pretty(ar.result()));
        });
    }
}
