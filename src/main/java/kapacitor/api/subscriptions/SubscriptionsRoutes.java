package kapacitor.api.subscriptions;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Mux;
import kapacitor.app.Addresses;

/**
 * Kapacitor's {@code POST /kapacitor/v1/subscriptions}: links the InfluxDB subscriptions of every enabled
 * {@code [[influxdb]]} cluster now (SubscriptionLinkerVerticle) and answers 204, or 500 with
 * {@code failed to link subscriptions: linking cluster NAME: ...}. Like Kapacitor's handler it waits for the link,
 * including the connection retries while InfluxDB does not answer (up to the cluster's startup-timeout).
 */
public final class SubscriptionsRoutes implements ApiModule {
    /** Longer than any sensible startup-timeout: the linker itself gives up after that. */
    private static final DeliveryOptions WAIT = new DeliveryOptions().setSendTimeout(60L * 60 * 1000);

    private final EventBus bus;

    public SubscriptionsRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.post(ApiRouter.BASE + "/subscriptions", this::link);
    }

    private void link(RoutingContext ctx) {
        bus.request(Addresses.SUBSCRIPTIONS_LINK, null, WAIT).onComplete(ar -> {
            if (ar.succeeded()) {
                ApiRouter.noContent(ctx);
                return;
            }
            Throwable e = ar.cause();
            String text = e instanceof ReplyException ? e.getMessage() : String.valueOf(e.getMessage());
            ctx.fail(new ApiException(500, "failed to link subscriptions: " + text));
        });
    }
}
