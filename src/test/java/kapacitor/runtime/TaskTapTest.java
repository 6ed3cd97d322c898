package kapacitor.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.app.Addresses;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Example for in-JVM consumers: tap what a task's httpOut node receives, over the event bus. */
class TaskTapTest {
    @Test
    void tappedHttpOutInputReachesAnInJvmConsumer() throws Exception {
        try (TestServer server = TestServer.postgres()) {
            JsonObject task = new JsonObject().put("id", "tapped").put("type", "stream").put("status", "enabled")
                .put("dbrps", new JsonArray().add(new JsonObject().put("db", "db").put("rp", "rp")))
                .put("script", "stream|from().measurement('cpu')|window().period(10s).every(10s)|count('value')"
                    + "|httpOut('c')");
            assertEquals(200, await(server.http().post("/kapacitor/v1/tasks", task)).status());

            LinkedBlockingQueue<TapFrame> frames = new LinkedBlockingQueue<>();
            var bus = server.vertx().eventBus();
            String address = await(bus.<String>request(Addresses.TASKS_TAP,
                new JsonObject().put("task", "tapped").put("node", "http_out4"))).body();
            assertEquals("kapacitor.task.tapped.tap.http_out4", address);
            await(bus.<TapFrame>localConsumer(address, m -> frames.add(m.body())).completion());

            assertEquals(204, await(server.http().post("/write?db=db&rp=rp",
                "cpu value=1 1000000000\ncpu value=2 2000000000\ncpu value=3 12000000000\n")).status());
            TapFrame f = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(f, "the tap delivered the httpOut node's input");
            Message m = f.messages().get(0);
            assertTrue(m instanceof BatchMessage || m.isData(), m.toString());
            assertEquals("tapped", f.taskId());

            await(bus.request(Addresses.TASKS_TAP, new JsonObject().put("task", "tapped").put("node", "http_out4")
                .put("tap", false)));

            // The stream source hands frames on whole; tapped, it shows every point it receives, one frame per write.
            String source = await(bus.<String>request(Addresses.TASKS_TAP,
                new JsonObject().put("task", "tapped").put("node", "stream0"))).body();
            LinkedBlockingQueue<TapFrame> sourceFrames = new LinkedBlockingQueue<>();
            await(bus.<TapFrame>localConsumer(source, msg -> sourceFrames.add(msg.body())).completion());
            assertEquals(204, await(server.http().post("/write?db=db&rp=rp",
                "cpu value=4 13000000000\ncpu value=5 14000000000\n")).status());
            TapFrame sf = sourceFrames.poll(10, TimeUnit.SECONDS);
            assertNotNull(sf, "the tap delivered the source's input");
            assertEquals(2, sf.messages().size());
            assertEquals(14_000_000_000L, sf.messages().get(1).time());
            String counted = await(server.http().get("/kapacitor/v1/tasks/tapped")).text();
            assertTrue(counted.contains("\"collected\": 5"), counted);
            var missing = bus.request(Addresses.TASKS_TAP, new JsonObject().put("task", "tapped").put("node", "x9"));
            assertEquals(404, ((io.vertx.core.eventbus.ReplyException) missing.toCompletionStage().toCompletableFuture()
                .handle((v, e) -> e instanceof java.util.concurrent.CompletionException ? e.getCause() : e).get())
                .failureCode());
        }
    }
}
