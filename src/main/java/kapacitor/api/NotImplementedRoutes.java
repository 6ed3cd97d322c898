package kapacitor.api;

import io.vertx.core.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kapacitor API areas this build does not serve yet. Their routes exist and answer 501 with a JSON error naming the
 * area, so a client learns the feature is missing rather than guessing from a 404. An area leaves this table when
 * its real module is mounted.
 */
public final class NotImplementedRoutes implements ApiModule {
    private record Route(HttpMethod method, String pattern) {
    }

    private static final Map<String, List<Route>> AREAS = new LinkedHashMap<>();

    static {
        String b = ApiRouter.BASE;
        AREAS.put("recordings", routes(b, "GET /recordings/", "DELETE /recordings/", "GET /recordings",
            "POST /recordings/stream", "POST /recordings/batch", "POST /recordings/query"));
        AREAS.put("replays", routes(b, "GET /replays/", "DELETE /replays/", "GET /replays", "POST /replays",
            "POST /replays/batch", "POST /replays/query"));
        AREAS.put("alerts", routes(b, "GET /alerts/topics", "GET /alerts/topics/", "POST /alerts/topics/",
            "PATCH /alerts/topics/", "PUT /alerts/topics/", "DELETE /alerts/topics/"));
        AREAS.put("config", routes(b, "GET /config", "GET /config/", "POST /config/"));
        AREAS.put("users", routes(b, "GET /users/", "DELETE /users/", "PATCH /users/", "GET /users",
            "POST /users"));
        AREAS.put("service-tests", routes(b, "GET /service-tests", "GET /service-tests/", "POST /service-tests/"));
        AREAS.put("sideload", routes(b, "POST /sideload/reload"));
        AREAS.put("subscriptions", routes(b, "POST /subscriptions"));
        AREAS.put("loglevel", routes(b, "POST /loglevel"));
        AREAS.put("flux tasks", routes(b, "GET /api/v2/tasks", "POST /api/v2/tasks", "GET /api/v2/tasks/",
            "PATCH /api/v2/tasks/", "DELETE /api/v2/tasks/", "POST /api/v2/tasks/"));
        AREAS.put("logs", routes(ApiRouter.PREVIEW, "GET /logs"));
        AREAS.put("pprof", routes(b, "GET /debug/pprof/"));
    }

    private final Set<String> implemented;

    /** {@code implemented}: areas whose real modules are mounted and must not be shadowed here. */
    public NotImplementedRoutes(Set<String> implemented) {
        this.implemented = implemented;
    }

    public static Set<String> areas() {
        return AREAS.keySet();
    }

    @Override
    public void mount(Mux mux) {
        AREAS.forEach((area, routes) -> {
            if (implemented.contains(area)) {
                return;
            }
            String text = "the " + area + " API is not implemented in this build of kapacitord";
            for (Route r : routes) {
                mux.handle(r.method(), r.pattern(), ctx -> ctx.fail(new ApiException(501, text)));
            }
        });
    }

    private static List<Route> routes(String base, String... specs) {
        return java.util.Arrays.stream(specs).map(s -> {
            String[] parts = s.split(" ", 2);
            return new Route(HttpMethod.valueOf(parts[0]), base + parts[1]);
        }).toList();
    }
}
