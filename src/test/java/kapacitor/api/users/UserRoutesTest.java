package kapacitor.api.users;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The users API over HTTP with {@code [auth] enabled} (and request authentication off, as Kapacitor's tests do). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserRoutesTest {
    private static final String USERS = "/kapacitor/v1/users";
    private TestServer server;
    private Http http;

    @BeforeAll
    void start() {
        server = TestServer.postgres(Map.of("KAPACITOR_AUTH_ENABLED", "true", "KAPACITOR_AUTH_BCRYPT_COST", "4"));
        http = server.http();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Http.Response create(String body) {
        return await(http.request(HttpMethod.POST, USERS, Buffer.buffer(body), null));
    }

    private static JsonObject user(String name, String type, String... permissions) {
        return new JsonObject().put("link", new JsonObject().put("rel", "self").put("href", USERS + "/" + name))
            .put("name", name).put("type", type).put("permissions", new JsonArray(java.util.List.of(permissions)));
    }

    @Test
    void createThenGetShowsTheUserWithoutPassword() {
        Http.Response created = create("{\"name\":\"bob\",\"password\":\"hunter2\",\"type\":\"normal\","
            + "\"permissions\":[\"api\"]}");
        assertEquals(200, created.status());
        assertEquals(user("bob", "normal", "api"), created.json());
        assertEquals("{\n    \"link\": {\n        \"rel\": \"self\",\n        \"href\": \"/kapacitor/v1/users/bob\"\n"
            + "    },\n    \"name\": \"bob\",\n    \"type\": \"normal\",\n    \"permissions\": [\n        \"api\"\n"
            + "    ]\n}", created.text());
        Http.Response got = await(http.get(USERS + "/bob"));
        assertEquals(200, got.status());
        assertEquals(user("bob", "normal", "api"), got.json());
        assertFalse(got.text().contains("hunter2"));
    }

    @Test
    void createValidatesLikeKapacitor() {
        assertEquals(error("invalid JSON"), create("{\"name\": 5}").json());
        assertEquals(400, create("not json").status());
        assertEquals(error("invalid JSON"), create("{\"name\":\"a\",\"password\":\"b\",\"type\":\"root\"}").json());
        assertEquals(error("invalid JSON"), create("{\"name\":\"a\",\"password\":\"b\",\"permissions\":[\"x\"]}")
            .json());
        assertEquals(error("username is required"), create("{\"password\":\"b\"}").json());
        Http.Response badName = create("{\"name\":\"a b\",\"password\":\"b\"}");
        assertEquals(400, badName.status());
        assertEquals(error("username must contain only letters, numbers, '-', '.', '@' and '_'. \"a b\""),
            badName.json());
        assertEquals(error("password is required"), create("{\"name\":\"carol\"}").json());
    }

    @Test
    void creatingAnExistingUserAnswersAnEmptyUserAndChangesNothing() {
        assertEquals(200, create("{\"name\":\"dave\",\"password\":\"x\",\"type\":\"admin\"}").status());
        Http.Response again = create("{\"name\":\"dave\",\"password\":\"y\",\"permissions\":[\"api\"]}");
        assertEquals(200, again.status());
        assertEquals(new JsonObject().put("link", new JsonObject().put("rel", "self").put("href", USERS))
            .put("name", "").put("type", "normal").put("permissions", new JsonArray()), again.json());
        assertEquals(user("dave", "admin"), await(http.get(USERS + "/dave")).json());
    }

    @Test
    void patchUpdatesOnlyWhatIsGiven() {
        create("{\"name\":\"erin\",\"password\":\"x\",\"permissions\":[\"write_points\"]}");
        Http.Response pw = await(http.patch(USERS + "/erin", new JsonObject().put("password", "new")));
        assertEquals(200, pw.status());
        assertEquals(user("erin", "normal", "write_points"), pw.json());
        Http.Response empty = await(http.patch(USERS + "/erin", new JsonObject().put("permissions", new JsonArray())));
        assertEquals(user("erin", "normal"), empty.json());
        Http.Response admin = await(http.patch(USERS + "/erin", new JsonObject().put("type", "admin")));
        assertEquals(user("erin", "admin"), admin.json());
        Http.Response all = await(http.patch(USERS + "/erin",
            new JsonObject().put("type", "normal").put("permissions", new JsonArray().add("all"))));
        assertEquals(user("erin", "normal", "all"), all.json());
    }

    @Test
    void patchOfAMissingUserIsKapacitorsServerError() {
        Http.Response r = await(http.patch(USERS + "/nobody", new JsonObject().put("password", "x")));
        assertEquals(500, r.status());
        assertEquals(error("failed to create user: updating user: no user exists"), r.json());
    }

    @Test
    void getAndDeleteErrors() {
        Http.Response missing = await(http.get(USERS + "/nobody"));
        assertEquals(404, missing.status());
        assertEquals(error("no user exists"), missing.json());
        Http.Response noName = await(http.get(USERS + "/"));
        assertEquals(400, noName.status());
        assertEquals(error("must specify username on path"), noName.json());
        // Deleting a user that does not exist succeeds, as in Kapacitor's store.
        assertEquals(204, await(http.delete(USERS + "/nobody")).status());
    }

    @Test
    void deleteRemovesTheUser() {
        create("{\"name\":\"frank\",\"password\":\"x\"}");
        assertEquals(204, await(http.delete(USERS + "/frank")).status());
        assertEquals(404, await(http.get(USERS + "/frank")).status());
    }

    @Test
    void listFiltersPagesAndSelectsFields() {
        create("{\"name\":\"list-a\",\"password\":\"x\",\"permissions\":[\"config_api\"]}");
        create("{\"name\":\"list-b\",\"password\":\"x\",\"type\":\"admin\"}");
        Http.Response all = await(http.get(USERS + "?pattern=list-*"));
        assertEquals(200, all.status());
        JsonArray users = all.json().getJsonArray("users");
        assertEquals(2, users.size());
        assertEquals(user("list-a", "normal", "config_api"), users.getJsonObject(0));
        assertEquals(user("list-b", "admin"), users.getJsonObject(1));

        Http.Response page = await(http.get(USERS + "?pattern=list-*&offset=1&limit=1&fields=type"));
        assertEquals(new JsonObject().put("users", new JsonArray().add(new JsonObject()
            .put("link", new JsonObject().put("rel", "self").put("href", USERS + "/list-b"))
            .put("name", "list-b").put("type", "admin"))), page.json());

        Http.Response bad = await(http.get(USERS + "?pattern=list-*&fields=password"));
        assertEquals(400, bad.status());
        assertEquals(error("unsupported field \"password\""), bad.json());
    }

    @Test
    void badOffsetIsReportedAndTheListStillFollows() {
        Http.Response r = await(http.get(USERS + "?pattern=nomatch*&offset=x"));
        assertEquals(400, r.status());
        String text = "invalid offset parameter \"x\" must be an integer: strconv.ParseInt: parsing \"x\": "
            + "invalid syntax";
        assertEquals(Buffer.buffer().appendBuffer(kapacitor.api.Json.pretty(errorMap(text)))
            .appendString("{\n    \"users\": []\n}").toString(), r.text());
    }

    private static Map<String, String> errorMap(String text) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("error", text);
        m.put("message", text);
        return m;
    }

    private static JsonObject error(String text) {
        return new JsonObject().put("error", text).put("message", text);
    }
}
