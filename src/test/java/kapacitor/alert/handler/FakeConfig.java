package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.app.Addresses;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Answers {@link Addresses#CONFIG_GET} from a map, as the config service would with the live sections. */
public final class FakeConfig {
    private final Map<String, JsonArray> sections = new ConcurrentHashMap<>();

    public FakeConfig(Vertx vertx) {
        vertx.eventBus().<String>localConsumer(Addresses.CONFIG_GET, msg -> {
            JsonArray elements = sections.get(msg.body());
            if (elements == null) {
                msg.fail(404, "unknown section: " + msg.body());
            } else {
                msg.reply(new JsonObject().put("section", msg.body()).put("elements", elements));
            }
        });
    }

    public FakeConfig put(String section, JsonObject... elements) {
        JsonArray a = new JsonArray();
        for (JsonObject e : elements) {
            a.add(e);
        }
        sections.put(section, a);
        return this;
    }
}
