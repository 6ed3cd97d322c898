package kapacitor.api;

import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NotImplementedRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void missingAreasAnswer501WithTheirName() {
        Http http = server.http();
        for (String[] c : new String[][] {
            {"GET", "/kapacitor/v1/api/v2/tasks", "flux tasks"},
            {"GET", "/kapacitor/v1/debug/pprof/heap", "pprof"},
        }) {
            Http.Response r = await(http.request(io.vertx.core.http.HttpMethod.valueOf(c[0]), c[1], null, null));
            assertEquals(501, r.status(), c[1]);
            assertEquals("the " + c[2] + " API is not implemented in this build of kapacitord",
                r.json().getString("error"), c[1]);
        }
    }
}
