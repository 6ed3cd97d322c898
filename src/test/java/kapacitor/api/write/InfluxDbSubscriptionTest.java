package kapacitor.api.write;

import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.runtime.ingest.Frame;
import kapacitor.runtime.ingest.RoutingTable;
import kapacitor.runtime.ingest.TaskInbox;
import kapacitor.testing.InfluxDbServer;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A real influxd pushes its writes to us through a subscription, exactly as a Kapacitor user sets it up. */
class InfluxDbSubscriptionTest {
    @Test
    void subscriptionWritesReachATask() throws Exception {
        try (TestServer server = TestServer.postgres(); InfluxDbServer influx = InfluxDbServer.start()) {
            LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
            TaskInbox inbox = new TaskInbox("sub", "test.sub.in", 64);
            server.vertx().eventBus().<Frame>localConsumer(inbox.address(), m -> {
                frames.add(m.body());
                m.body().inbox().done();
            });
            server.root().ingest().install(RoutingTable.of(List.of(
                new RoutingTable.Route(inbox, List.of(new DbRp("telegraf", "autogen")), null))));

            influx.query("CREATE DATABASE telegraf");
            influx.query("CREATE SUBSCRIPTION \"kapacitor\" ON \"telegraf\".\"autogen\" DESTINATIONS ALL "
                + "'http://user:secret@127.0.0.1:" + server.http().port() + "'");
            influx.write("telegraf", "cpu,host=a\\ b,cpu=cpu0 usage_idle=87.5,text=\"say \\\"hi\\\"\" 1700000000000000000");

            Frame f = frames.poll(20, TimeUnit.SECONDS);
            assertNotNull(f, "influxd delivered the write through the subscription");
            Point p = f.points().get(0);
            assertEquals("cpu", p.name());
            assertEquals("a b", p.tags().get("host"));
            assertEquals(87.5, p.fields().get("usage_idle"));
            assertEquals("say \"hi\"", p.fields().get("text"));
            assertEquals(1_700_000_000_000_000_000L, p.time());
        }
    }
}
