package kapacitor.api.sideload;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Mux;

import java.util.function.Supplier;

/** Kapacitor's {@code POST /kapacitor/v1/sideload/reload}: re-reads every sideload source of the running tasks. */
public final class SideloadRoutes implements ApiModule {
    private final Supplier<Future<Void>> reload;

    /** {@code reload}: re-reads the sources, failing with Kapacitor's text when one cannot be read. */
    public SideloadRoutes(Supplier<Future<Void>> reload) {
        this.reload = reload;
    }

    @Override
    public void mount(Mux mux) {
        mux.post(ApiRouter.BASE + "/sideload/reload", this::reload);
    }

    private void reload(RoutingContext ctx) {
        reload.get().onComplete(ar -> {
            if (ar.succeeded()) {
                ApiRouter.noContent(ctx);
            } else {
                ctx.fail(new ApiException(500, ar.cause().getMessage()));
            }
        });
    }
}
