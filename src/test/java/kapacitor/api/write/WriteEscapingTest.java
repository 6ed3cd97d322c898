package kapacitor.api.write;

import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.LineProtocolWriter;
import kapacitor.lineprotocol.Precision;
import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.runtime.ingest.Frame;
import kapacitor.runtime.ingest.RoutingTable;
import kapacitor.runtime.ingest.TaskInbox;
import kapacitor.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static kapacitor.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Bodies as curl or InfluxDB clients send them, with every escaping case, reach a task intact over HTTP. */
class WriteEscapingTest {
    private static final String BODY = String.join("\n",
        "cpu\\,load\\ avg,host=server\\ 01,region=us\\,west,path=C:\\\\temp value=1.5 1",
        "weather,location=us-midwest temp\\ f=82i,note=\"he said \\\"hi\\\"\",ok=t 2",
        "\"quoted\"\\ name,tag\\=key=tag\\=value field\\,key=\"a,b c=d\" 3",
        "unicode,city=Zürich,emoji=😀 temp=-3.2e1,text=\"ünïcödé 😀\" 4",
        "bools,k=v a=true,b=FALSE,c=F,d=True,e=T 5",
        "nums,k=v i=-9223372036854775808i,u=18446744073709551615u,f=1e-300,g=.5 6",
        "backslash,k=a\\\\b s=\"ends with \\\\\" 7",
        "notime,k=v x=1");

    @Test
    void everyEscapingCaseRoundTripsThroughTheWriteEndpoint() throws Exception {
        try (TestServer server = TestServer.postgres()) {
            LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
            TaskInbox inbox = new TaskInbox("esc", "test.esc.in", 8);
            server.vertx().eventBus().<Frame>localConsumer(inbox.address(), m -> {
                frames.add(m.body());
                m.body().inbox().done();
            });
            server.root().ingest().install(RoutingTable.of(List.of(
                new RoutingTable.Route(inbox, List.of(new DbRp("db", "rp")), null))));
            assertEquals(204, await(server.http().post("/write?db=db&rp=rp", BODY)).status());
            Frame f = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(f);
            List<Point> points = f.points();
            assertEquals(8, points.size());

            assertEquals("cpu,load avg", points.get(0).name());
            assertEquals("server 01", points.get(0).tags().get("host"));
            assertEquals("us,west", points.get(0).tags().get("region"));
            assertEquals("C:\\\\temp", points.get(0).tags().get("path"));
            assertEquals(82L, points.get(1).fields().get("temp f"));
            assertEquals("he said \"hi\"", points.get(1).fields().get("note"));
            assertEquals(true, points.get(1).fields().get("ok"));
            assertEquals("\"quoted\" name", points.get(2).name());
            assertEquals("tag=value", points.get(2).tags().get("tag=key"));
            assertEquals("a,b c=d", points.get(2).fields().get("field,key"));
            assertEquals("Zürich", points.get(3).tags().get("city"));
            assertEquals("ünïcödé 😀", points.get(3).fields().get("text"));
            assertEquals(-32.0, points.get(3).fields().get("temp"));
            assertEquals(false, points.get(4).fields().get("b"));
            assertEquals(Long.MIN_VALUE, points.get(5).fields().get("i"));
            assertEquals(0.5, points.get(5).fields().get("g"));
            assertEquals("ends with \\", points.get(6).fields().get("s"));

            // Writing each point back and parsing it again gives the same point.
            LineProtocolParser parser = new LineProtocolParser();
            for (Point p : points) {
                String line = LineProtocolWriter.toLine(p, Precision.NANOSECONDS);
                Point again = parser.parse(line, "db", "rp", Precision.NANOSECONDS, 0).points().get(0);
                assertEquals(p, again, line);
            }
        }
    }
}
