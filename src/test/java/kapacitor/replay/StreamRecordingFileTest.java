package kapacitor.replay;

import kapacitor.model.DbRp;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamRecordingFileTest {

    private static Point point(String name, String db, long time, double value) {
        return new Point(name, db, "rp", Tags.of(Map.of("host", "a")), Fields.of(Map.of("value", value)), time);
    }

    @Test
    void writesKapacitorsFormatAndReadsItBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r" + StreamRecordingFile.EXTENSION);
        try (StreamRecordingFile.Writer w = new StreamRecordingFile.Writer(file)) {
            w.write(point("cpu", "db", 1_000_000_001L, 1.5));
            w.write(point("mem", "db", 2_000_000_000L, 2));
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            assertEquals("db\nrp\ncpu,host=a value=1.5 1000000001\ndb\nrp\nmem,host=a value=2 2000000000\n",
                b.toString(StandardCharsets.UTF_8));
        }
        try (StreamRecordingFile.Reader r = new StreamRecordingFile.Reader(file)) {
            Point p = r.next();
            assertEquals("cpu", p.name());
            assertEquals("db", p.db());
            assertEquals("rp", p.rp());
            assertEquals(1_000_000_001L, p.time());
            assertEquals("mem", r.next().name());
            assertNull(r.next());
        }
    }

    @Test
    void recorderKeepsTheTasksPointsUntilThePointAfterStop(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.srpl");
        StreamRecorder rec = new StreamRecorder(file, Set.of(new DbRp("db", "rp")), Set.of("cpu"), 10L);
        rec.onPoints("other", "rp", List.of(point("cpu", "other", 1, 1)));
        rec.onPoints("db", "rp", List.of(point("cpu", "db", 5, 1), point("mem", "db", 6, 1),
            point("cpu", "db", 10, 2)));
        assertFalse(rec.done().isComplete());
        rec.onPoints("db", "rp", List.of(point("cpu", "db", 11, 3), point("cpu", "db", 9, 4)));
        assertTrue(rec.done().succeeded());
        rec.onPoints("db", "rp", List.of(point("cpu", "db", 1, 5)));
        try (StreamRecordingFile.Reader r = new StreamRecordingFile.Reader(file)) {
            assertEquals(5L, r.next().time());
            assertEquals(10L, r.next().time());
            assertNull(r.next());
        }
    }
}
