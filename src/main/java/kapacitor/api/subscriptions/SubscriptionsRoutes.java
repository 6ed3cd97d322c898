package kapacitor.api.subscriptions;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Mux;
import kapacitor.app.Addresses;

/**
 * Kapacitor's {@code POST /kapacitor/v1/subscriptions}, the hook that re-links InfluxDB subscriptions. Kapacitor
 * answers 204 when no enabled {@code [[influxdb]]} cluster manages subscriptions (none enabled, or all with
 * {@code disable-subscriptions}), since linking then does nothing; so does this build. Linking itself (SHOW
 * DATABASES, CREATE/DROP SUBSCRIPTION, subscription tokens) is not implemented, so a cluster that would need it gets
 * 501 rather than a 204 that pretends the subscriptions exist. Reads the live configuration on every call.
 */
public final class SubscriptionsRoutes implements ApiModule {
    private final EventBus bus;

    public SubscriptionsRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.post(ApiRouter.BASE + "/subscriptions", this::link);
    }

    private void link(RoutingContext ctx) {
        bus.<JsonObject>request(Addresses.CONFIG_GET, "influxdb").onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            String managed = managingCluster(ar.result().body().getJsonArray("elements"));
            if (managed == null) {
                ApiRouter.noContent(ctx);
            } else {
                ctx.fail(new ApiException(501, "failed to link subscriptions: linking cluster " + managed
                    + ": InfluxDB subscription management is not implemented in this build of kapacitord;"
                    + " set disable-subscriptions = true"));
            }
        });
    }

    /** The name of the first enabled cluster with subscriptions on, or null. */
    private static String managingCluster(JsonArray elements) {
        if (elements == null) {
            return null;
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonObject e = elements.getJsonObject(i);
            if (e.getBoolean("enabled", true) && !e.getBoolean("disable-subscriptions", false)) {
                return e.getString("name", "");
            }
        }
        return null;
    }
}
