package kapacitor.api;

import io.vertx.core.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        AREAS.put("flux tasks", routes(b, "GET /api/v2/tasks", "POST /api/v2/tasks", "GET /api/v2/tasks/",
            "PATCH /api/v2/tasks/", "DELETE /api/v2/tasks/", "POST /api/v2/tasks/"));
        AREAS.put("pprof", routes(b, "GET /debug/pprof/"));
    }

    @Override
    public void mount(Mux mux) {
        AREAS.forEach((area, routes) -> {
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
