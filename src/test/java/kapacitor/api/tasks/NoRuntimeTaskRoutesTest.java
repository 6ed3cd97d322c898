package kapacitor.api.tasks;

import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The server as built today, without a task runtime: tasks are defined and stored, enabling one answers 501. */
class NoRuntimeTaskRoutesTest {

    @Test
    void enablingATaskIsA501StoredAsItsError() {
        try (TestServer server = TestServer.postgres()) {
            Http http = server.http();
            JsonObject body = TaskRoutesTest.task("t", TaskRoutesTest.TICK, "disabled");
            assertEquals(200, await(http.post(TaskRoutesTest.TASKS, body)).status());
            Http.Response r = await(http.patch(TaskRoutesTest.TASKS + "/t", new JsonObject().put("status", "enabled")));
            assertEquals(501, r.status());
            assertEquals("task execution is not available in this build", r.json().getString("error"));
            JsonObject t = await(http.get(TaskRoutesTest.TASKS + "/t")).json();
            assertEquals("enabled", t.getString("status"));
            assertFalse(t.getBoolean("executing"));
            assertEquals("task execution is not available in this build", t.getString("error"));
        }
    }
}
