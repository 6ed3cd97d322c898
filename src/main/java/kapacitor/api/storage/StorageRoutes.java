package kapacitor.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiException;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Links;
import kapacitor.api.Mux;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.service.storage.StorageAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /kapacitor/v1/storage}: backup, list of stores, store actions. */
public final class StorageRoutes implements ApiModule {
    private static final String STORES = ApiRouter.BASE + "/storage/stores";

    private final EventBus bus;

    public StorageRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(ApiRouter.BASE + "/storage/backup", this::backup);
        mux.get(STORES, this::list);
        mux.post(ApiRouter.BASE + "/storage/", this::action);
    }

    private void backup(RoutingContext ctx) {
        bus.<Buffer>request(Addresses.STORAGE_BACKUP, null).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Buffer dump = ar.result().body();
            ctx.response()
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Disposition", "attachment; filename=\"kapacitor.db\"")
                .setStatusCode(200)
                .end(dump);
        });
    }

    private void list(RoutingContext ctx) {
        bus.<JsonArray>request(Addresses.STORAGE_LIST, null).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            List<Object> storage = new ArrayList<>();
            for (Object name : ar.result().body()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("link", Links.self(STORES + "/" + name));
                s.put("name", name);
                storage.add(s);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("link", Links.self(STORES));
            body.put("storage", storage);
            ApiRouter.ok(ctx, body);
        });
    }

    private void action(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String prefix = path.startsWith(ApiRouter.PREVIEW) ? ApiRouter.PREVIEW + "/storage/stores/" : STORES + "/";
        if (!path.startsWith(prefix)) {
            throw new ApiException(404, "unknown storage \"" + path.substring(path.indexOf("/storage/") + 9) + "\"");
        }
        String name = path.substring(prefix.length());
        String action = "";
        String decodeError = null;
        try {
            Buffer raw = ctx.body().buffer();
            JsonNode body = Json.MAPPER.readTree(raw == null ? new byte[0] : raw.getBytes());
            JsonNode a = body == null ? null : body.get("action");
            if (a == null || a.isNull()) {
                // Go leaves the enum at its zero value, which prints as this.
                action = "unknown StorageAction 0";
            } else if (!a.isTextual()) {
                decodeError = "json: cannot unmarshal " + a.getNodeType().name().toLowerCase() + " into Go struct "
                    + "field StorageActionOptions.action of type client.StorageAction";
            } else if (!"rebuild".equals(a.asText())) {
                decodeError = "unknown StorageAction " + a.asText();
            } else {
                action = a.asText();
            }
        } catch (Exception e) {
            decodeError = e.getMessage();
        }
        bus.request(Addresses.STORAGE_ACTION, new StorageAction(name, action, decodeError),
                LocalCodec.DELIVERY)
            .onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                } else {
                    ApiRouter.noContent(ctx);
                }
            });
    }
}
