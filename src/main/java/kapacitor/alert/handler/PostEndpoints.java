package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The node's {@code [[httppost]]} endpoints by name, filled from the configuration at start. */
public final class PostEndpoints implements Shareable {
    private final Map<String, PostEndpoint> endpoints = new ConcurrentHashMap<>();

    public static PostEndpoints of(Vertx vertx) {
        return (PostEndpoints) vertx.sharedData().getLocalMap("kapacitor.alert")
            .computeIfAbsent("httppost", k -> new PostEndpoints());
    }

    public void put(PostEndpoint e) {
        endpoints.put(e.name(), e);
    }

    public PostEndpoint get(String name) {
        return endpoints.get(name);
    }
}
