package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.app.Addresses;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a service's live {@code [section]} from the config service on every use, so an override posted to
 * /config applies to the next alert without restarting anything (the read is one local bus round trip).
 */
public final class ServiceConfig {
    private ServiceConfig() {
    }

    /** The section's elements, options by their API names. */
    public static Future<List<JsonObject>> elements(Vertx vertx, String section) {
        return vertx.eventBus().<JsonObject>request(Addresses.CONFIG_GET, section).map(msg -> {
            JsonArray array = msg.body().getJsonArray("elements", new JsonArray());
            List<JsonObject> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getJsonObject(i));
            }
            return out;
        });
    }

    /** The element of a single-element section (an empty object if the section has none). */
    public static Future<JsonObject> single(Vertx vertx, String section) {
        return elements(vertx, section).map(list -> list.isEmpty() ? new JsonObject() : list.get(0));
    }

    /** The element of a single section that must be enabled, or Kapacitor's "service is not enabled" failure. */
    public static Future<JsonObject> enabled(Vertx vertx, String section) {
        return single(vertx, section).compose(c -> c.getBoolean("enabled", false) ? Future.succeededFuture(c)
            : Future.failedFuture(new HandlerException("service is not enabled")));
    }

    /**
     * The element of a workspace-keyed section (slack, discord): "" names the default one (the single element or the
     * one marked default).
     */
    public static Future<JsonObject> workspace(Vertx vertx, String section, String workspace) {
        return elements(vertx, section).compose(list -> {
            if (list.isEmpty()) {
                return Future.failedFuture(new HandlerException("no " + section + " configuration found"));
            }
            for (JsonObject c : list) {
                String w = c.getString("workspace", "");
                boolean isDefault = list.size() == 1 || c.getBoolean("default", false);
                if (w.equals(workspace) || workspace.isEmpty() && isDefault) {
                    return Future.succeededFuture(c);
                }
            }
            return Future.failedFuture(new HandlerException("workspace id not found"));
        });
    }
}
