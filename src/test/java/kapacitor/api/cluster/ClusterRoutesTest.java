package kapacitor.api.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A standalone server answers GET /cluster as a cluster of one, without leases. */
class ClusterRoutesTest {
    @Test
    void standaloneServerIsItsOwnClusterOfOne() {
        try (TestServer server = TestServer.embedded(null)) {
            JsonObject task = new JsonObject().put("id", "t1").put("type", "stream").put("status", "enabled")
                .put("script", "stream\n    |from()\n        .measurement('m')\n    |httpOut('out')\n")
                .put("dbrps", new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")));
            assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task)).status());
            JsonObject disabled = task.copy().put("id", "t2").put("status", "disabled");
            assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", disabled)).status());

            Http.Response r = await(server.http().get("/kapacitor/v1preview/cluster"));
            assertEquals(200, r.status(), r.text());
            JsonObject doc = r.json();
            JsonArray members = doc.getJsonArray("members");
            assertEquals(1, members.size());
            assertEquals(doc.getString("self"), members.getJsonObject(0).getString("id"));
            assertEquals(true, members.getJsonObject(0).getBoolean("self"));
            assertEquals("127.0.0.1:" + server.http().port(), members.getJsonObject(0).getString("http-address"));
            assertEquals(new JsonArray().add(new JsonObject().put("id", "t1").put("owner", doc.getString("self"))
                .put("epoch", 0).put("owner-alive", true)), doc.getJsonArray("tasks"));
            assertEquals(new JsonArray().add("t1"), doc.getJsonArray("local-tasks"));
        }
    }
}
