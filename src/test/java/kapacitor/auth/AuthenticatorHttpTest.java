package kapacitor.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import kapacitor.app.Addresses;
import kapacitor.service.users.UserCommands;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Authentication and authorization over HTTP with {@code [http] auth-enabled} and {@code [auth] enabled}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticatorHttpTest {
    private static final String SECRET = "secret";
    private TestServer server;
    private Http http;

    @BeforeAll
    void start() {
        server = TestServer.postgres(Map.of("KAPACITOR_AUTH_ENABLED", "true", "KAPACITOR_AUTH_BCRYPT_COST", "4",
            "KAPACITOR_AUTH_CACHE_EXPIRATION", "10m", "KAPACITOR_HTTP_AUTH_ENABLED", "true",
            "KAPACITOR_HTTP_SHARED_SECRET", SECRET));
        http = server.http();
        // There is no API to create the first user without one: operators create it with authentication off.
        createUser("root", "kapacitor", true, Map.of());
        createUser("bob", "secret", false, Permission.toPrivileges(List.of(Permission.WRITE_POINTS)));
        createUser(UserNames.SUBSCRIPTION_PREFIX + "tok", "unused", false, Map.of(
            AuthUser.apiResource("/write"), List.of(Privilege.WRITE),
            AuthUser.apiResource("/ping"), List.of(Privilege.ALL),
            AuthUser.databaseResource("mydb"), List.of(Privilege.WRITE)));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void createUser(String name, String password, boolean admin, Map<String, List<Privilege>> privileges) {
        await(server.vertx().eventBus().request(Addresses.USERS_CREATE,
            new UserCommands.CreateUser(name, password, admin, privileges)));
    }

    private Http.Response send(HttpMethod method, String uri, String authorization, String body) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        return await(http.request(method, uri, body == null ? null : Buffer.buffer(body), headers));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String username, long exp, String secret) {
        ObjectNode claims = new ObjectMapper().createObjectNode().put("username", username).put("exp", exp);
        return "Bearer " + Jwt.sign(claims, secret.getBytes(StandardCharsets.UTF_8));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static void assertRejected(int status, String text, Http.Response r) {
        assertEquals(status, r.status());
        assertEquals("{\"error\":" + quoteJson(text) + ",\"message\":" + quoteJson(text) + "}", r.text());
    }

    private static String quoteJson(String s) {
        String object = new JsonObject().put("k", s).encode();
        return object.substring(5, object.length() - 1);
    }

    @Test
    void requestsWithoutCredentialsAreRefused() {
        assertRejected(401, "unable to parse authentication credentials", send(HttpMethod.GET,
            "/kapacitor/v1/ping", null, null));
        // Kapacitor authenticates its catch-all 404 route too.
        assertRejected(401, "unable to parse authentication credentials", send(HttpMethod.GET, "/nowhere", null,
            null));
    }

    @Test
    void basicAuthAndQueryParametersAuthenticate() {
        assertEquals(204, send(HttpMethod.GET, "/kapacitor/v1/ping", basic("root", "kapacitor"), null).status());
        assertEquals(204, send(HttpMethod.GET, "/kapacitor/v1/ping?u=root&p=kapacitor", null, null).status());
        assertEquals(404, send(HttpMethod.GET, "/nowhere", basic("root", "kapacitor"), null).status());
        assertEquals(200, send(HttpMethod.GET, "/kapacitor/v1/users/bob", basic("root", "kapacitor"), null).status());
    }

    @Test
    void wrongPasswordOrUnknownUserIsAuthorizationFailed() {
        assertRejected(401, "authorization failed", send(HttpMethod.GET, "/kapacitor/v1/ping",
            basic("root", "wrong"), null));
        assertRejected(401, "authorization failed", send(HttpMethod.GET, "/kapacitor/v1/ping?u=ghost&p=x", null,
            null));
        assertRejected(401, "username required", send(HttpMethod.GET, "/kapacitor/v1/ping", basic("", "x"), null));
    }

    @Test
    void missingPrivilegeIsForbidden() {
        assertEquals(204, send(HttpMethod.GET, "/kapacitor/v1/ping", basic("bob", "secret"), null).status());
        assertRejected(403, "user bob does not have \"delete\" privilege for API endpoint "
                + "\"/kapacitor/v1/users/root\"",
            send(HttpMethod.DELETE, "/kapacitor/v1/users/root", basic("bob", "secret"), null));
        assertRejected(403, "user bob does not have \"read\" privilege for API endpoint \"/kapacitor/v1/tasks\"",
            send(HttpMethod.GET, "/kapacitor/v1/tasks", basic("bob", "secret"), null));
    }

    @Test
    void bearerTokens() {
        assertEquals(204, send(HttpMethod.GET, "/kapacitor/v1/ping", bearer("bob", now() + 60, SECRET), null)
            .status());
        assertRejected(401, "invalid token: Token is expired", send(HttpMethod.GET, "/kapacitor/v1/ping",
            bearer("bob", now() - 10, SECRET), null));
        assertRejected(401, "invalid token: signature is invalid", send(HttpMethod.GET, "/kapacitor/v1/ping",
            bearer("bob", now() + 60, SECRET + "extra secret"), null));
        assertRejected(401, "retrieving user \"ghost\" from store: no user exists", send(HttpMethod.GET,
            "/kapacitor/v1/ping", bearer("ghost", now() + 60, SECRET), null));
        String noExp = "Bearer " + Jwt.sign(new ObjectMapper().createObjectNode().put("username", "bob"),
            SECRET.getBytes(StandardCharsets.UTF_8));
        assertRejected(401, "token expiration required", send(HttpMethod.GET, "/kapacitor/v1/ping", noExp, null));
        assertRejected(403, "user bob does not have \"delete\" privilege for API endpoint "
                + "\"/kapacitor/v1/users/root\"",
            send(HttpMethod.DELETE, "/kapacitor/v1/users/root", bearer("bob", now() + 60, SECRET), null));
    }

    @Test
    void writeWithQueryParametersAndBasicAuth() {
        String line = "cpu,host=a value=1 1000000000";
        assertEquals(204, send(HttpMethod.POST, "/write?db=mydb&u=root&p=kapacitor", null, line).status());
        assertEquals(204, send(HttpMethod.POST, "/kapacitor/v1/write?db=mydb", basic("root", "kapacitor"), line)
            .status());
        assertRejected(401, "authorization failed", send(HttpMethod.POST, "/write?db=mydb&u=root&p=nope", null,
            line));
        // The connection stays usable after a rejected, unread write body.
        assertEquals(204, send(HttpMethod.POST, "/write?db=mydb&u=root&p=kapacitor", null, line).status());
    }

    @Test
    void writePointsAloneGrantsNoDatabaseAsInKapacitor() {
        Http.Response r = send(HttpMethod.POST, "/write?db=mydb", basic("bob", "secret"), "cpu value=1");
        assertEquals(401, r.status());
        assertEquals("{\"error\":\"\\\"bob\\\" user is not authorized to write to database \\\"mydb\\\"\"}",
            r.text());
    }

    @Test
    void subscriptionTokensWriteToTheirDatabase() {
        assertEquals(204, send(HttpMethod.POST, "/write?db=mydb", basic("~subscriber", "tok"), "cpu value=1")
            .status());
        assertRejected(401, "invalid subscription token", send(HttpMethod.POST, "/write?db=mydb",
            basic("~subscriber", "other"), "cpu value=1"));
    }

    @Test
    void changingAPasswordEndsTheOldOne() {
        createUser("carol", "first", false, Permission.toPrivileges(List.of(Permission.WRITE_POINTS)));
        assertEquals(204, send(HttpMethod.GET, "/kapacitor/v1/ping", basic("carol", "first"), null).status());
        assertEquals(200, send(HttpMethod.PATCH, "/kapacitor/v1/users/carol", basic("root", "kapacitor"),
            "{\"password\":\"second\"}").status());
        assertRejected(401, "authorization failed", send(HttpMethod.GET, "/kapacitor/v1/ping",
            basic("carol", "first"), null));
        assertEquals(204, send(HttpMethod.GET, "/kapacitor/v1/ping", basic("carol", "second"), null).status());
    }
}
