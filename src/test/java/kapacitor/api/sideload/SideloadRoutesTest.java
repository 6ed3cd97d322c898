package kapacitor.api.sideload;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.testing.Http;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideloadRoutesTest {
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.postgres();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reloadRereadsTheSourcesOfRunningTasks() throws Exception {
        Http.Response none = await(http.post("/kapacitor/v1/sideload/reload", ""));
        assertEquals(204, none.status());
        assertEquals(0, none.body().length());

        Path dir = Files.createTempDirectory("sideload").toRealPath();
        Files.writeString(dir.resolve("hosts.json"), "{\"weight\": 1.5}");
        JsonObject task = new JsonObject()
            .put("id", "sl")
            .put("type", "stream")
            .put("dbrps", new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")))
            .put("script", "stream\n    |from()\n        .measurement('cpu')\n    |sideload()\n        .source('file://"
                + dir + "')\n        .order('hosts.json')\n        .field('weight', 0.0)\n    |httpOut('out')\n")
            .put("status", "enabled");
        Http.Response created = await(http.post("/kapacitor/v1/tasks", task));
        assertEquals(200, created.status(), created.text());

        assertEquals(1.5, writeAndRead(1));

        Files.writeString(dir.resolve("hosts.json"), "{\"weight\": 2.5}");
        Http.Response reloaded = await(http.post("/kapacitor/v1/sideload/reload", ""));
        assertEquals(204, reloaded.status(), reloaded.text());
        assertEquals(2.5, writeAndRead(2));

        Files.writeString(dir.resolve("zz.json"), "{not json");
        Http.Response failed = await(http.post("/kapacitor/v1/sideload/reload", ""));
        assertEquals(500, failed.status());
        String error = failed.json().getString("error");
        assertTrue(error.startsWith("failed to update source \"" + dir + "\": failed to update sideload cache for"
            + " source file \"" + dir + "\": failed to unmarshal json values \"" + dir.resolve("zz.json") + "\""),
            error);
        // As in Kapacitor, the files read before the failing one are in use.
        Files.writeString(dir.resolve("hosts.json"), "{\"weight\": 3.5}");
        assertEquals(500, await(http.post("/kapacitor/v1/sideload/reload", "")).status());
        assertEquals(3.5, writeAndRead(3));

        assertEquals(200, await(http.patch("/kapacitor/v1/tasks/sl", new JsonObject().put("status", "disabled")))
            .status());
        Files.delete(dir.resolve("zz.json"));
        // A stopped task's source is no longer reloaded, so its broken files no longer matter.
        Files.writeString(dir.resolve("hosts.json"), "{broken");
        assertEquals(204, await(http.post("/kapacitor/v1/sideload/reload", "")).status());
    }

    /** Writes a point at {@code second} and returns the weight the task's httpOut shows for it. */
    private static double writeAndRead(int second) throws InterruptedException {
        assertEquals(204, await(http.post("/write?db=db&rp=rp", "cpu value=1 " + second * 1_000_000_000L))
            .status());
        String time = "1970-01-01T00:00:0" + second + "Z";
        for (int i = 0; i < 200; i++) {
            Http.Response out = await(http.get("/kapacitor/v1/tasks/sl/out"));
            if (out.status() == 200 && out.text().contains(time)) {
                JsonObject series = out.json().getJsonArray("series").getJsonObject(0);
                int col = series.getJsonArray("columns").getList().indexOf("weight");
                return series.getJsonArray("values").getJsonArray(0).getDouble(col);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("httpOut never showed the point at " + time);
    }
}
