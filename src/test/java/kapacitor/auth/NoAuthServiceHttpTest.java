package kapacitor.auth;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code [http] auth-enabled} without {@code [auth] enabled}, and no authentication at all. */
class NoAuthServiceHttpTest {

    @Test
    void withoutTheAuthServiceAnyCredentialsAreAnAdmin() {
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_HTTP_AUTH_ENABLED", "true"))) {
            var http = server.http();
            assertEquals(401, await(http.get("/kapacitor/v1/ping")).status());
            assertEquals(204, await(http.get("/kapacitor/v1/ping?u=anyone&p=anything")).status());
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Basic Ym9iOng=");
            assertEquals(204, await(http.request(HttpMethod.GET, "/kapacitor/v1/ping", null, headers)).status());
            // Kapacitor mounts the users API only with the auth service.
            var users = await(http.get("/kapacitor/v1/users?u=anyone&p=anything"));
            assertEquals(404, users.status());
            assertEquals("Not Found", users.json().getString("error"));
        }
    }

    @Test
    void withAuthenticationOffNothingIsAsked() {
        try (TestServer server = TestServer.postgres(Map.of("KAPACITOR_AUTH_ENABLED", "true",
            "KAPACITOR_AUTH_BCRYPT_COST", "4"))) {
            assertEquals(204, await(server.http().get("/kapacitor/v1/ping")).status());
            assertEquals(200, await(server.http().get("/kapacitor/v1/users")).status());
        }
    }
}
