package kapacitor.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's request multiplexer semantics (services/httpd/mux.go, a Go ServeMux without redirects): per method, a
 * pattern names a fixed path, or a rooted subtree when it ends in '/', and the longest matching pattern wins. Routing
 * the same way as Kapacitor keeps edge cases identical, e.g. {@code /tasks/ID/NAME} reaching the tasks handler, which
 * serves httpOut endpoints. Built once per HTTP verticle, read-only afterwards.
 */
public final class Mux {
    /** A route's handler; {@code rawBody} handlers read the request body themselves (no buffering before them). */
    public record Entry(Handler<RoutingContext> handler, boolean rawBody) {
    }

    private final Map<HttpMethod, Map<String, Entry>> byMethod = new HashMap<>();

    public Mux handle(HttpMethod method, String pattern, Handler<RoutingContext> handler) {
        return add(method, pattern, new Entry(handler, false));
    }

    /**
     * A route that consumes the request body as it streams in (the write path: one copy into a pre-sized array
     * instead of the generic body buffer).
     */
    public Mux handleRaw(HttpMethod method, String pattern, Handler<RoutingContext> handler) {
        return add(method, pattern, new Entry(handler, true));
    }

    private Mux add(HttpMethod method, String pattern, Entry entry) {
        Map<String, Entry> patterns = byMethod.computeIfAbsent(method, m -> new HashMap<>());
        if (patterns.putIfAbsent(pattern, entry) != null) {
            throw new IllegalStateException("duplicate route " + method + " " + pattern);
        }
        return this;
    }

    public Mux get(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.GET, pattern, handler);
    }

    public Mux post(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.POST, pattern, handler);
    }

    public Mux patch(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.PATCH, pattern, handler);
    }

    public Mux put(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.PUT, pattern, handler);
    }

    public Mux delete(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.DELETE, pattern, handler);
    }

    public Mux head(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.HEAD, pattern, handler);
    }

    public Mux options(String pattern, Handler<RoutingContext> handler) {
        return handle(HttpMethod.OPTIONS, pattern, handler);
    }

    /** The route for {@code path}, or null: an exact pattern first, then the longest subtree pattern. */
    public Entry match(HttpMethod method, String path) {
        Map<String, Entry> patterns = byMethod.get(method);
        if (patterns == null) {
            return null;
        }
        Entry exact = patterns.get(path);
        if (exact != null) {
            return exact;
        }
        Entry best = null;
        int bestLength = -1;
        for (Map.Entry<String, Entry> e : patterns.entrySet()) {
            String p = e.getKey();
            if (p.endsWith("/") && path.startsWith(p) && p.length() > bestLength) {
                best = e.getValue();
                bestLength = p.length();
            }
        }
        return best;
    }

    /** Pattern -> methods, as {@code GET /kapacitor/v1/:routes} lists them. */
    public Map<String, List<String>> routes() {
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<HttpMethod, Map<String, Entry>> m : byMethod.entrySet()) {
            for (String pattern : m.getValue().keySet()) {
                out.computeIfAbsent(pattern, p -> new ArrayList<>()).add(m.getKey().name());
            }
        }
        out.values().forEach(methods -> methods.sort(String::compareTo));
        return out;
    }
}
