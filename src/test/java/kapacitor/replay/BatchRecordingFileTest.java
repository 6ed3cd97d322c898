package kapacitor.replay;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kapacitor's batch recording archive: written here and read back, and read as Kapacitor writes it. */
class BatchRecordingFileTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    private static List<BatchMessage> read(BatchRecordingFile.Reader r, int idx) throws IOException {
        List<BatchMessage> out = new ArrayList<>();
        r.batches(idx).forEachRemaining(out::add);
        return out;
    }

    @Test
    void roundTripsArchivesInOrder() throws IOException {
        Tags tags = Tags.of("host", "a");
        Dimensions dims = new Dimensions(false, List.of("host"));
        BatchMessage b = BatchMessage.of("cpu", tags, dims, 3 * S, List.of(
            new Point("cpu", "", "", tags, Fields.of("value", 2.0, "s", "x", "ok", true), 2 * S),
            new Point("cpu", "", "", tags, Fields.of("value", 2.5), 3 * S + 5)));
        BatchMessage empty = BatchMessage.of("mem", Tags.EMPTY, Dimensions.NONE, BatchRecordingFile.NO_TIME,
            List.of());
        Path file = dir.resolve("r.brpl");
        try (BatchRecordingFile.Writer w = new BatchRecordingFile.Writer(file)) {
            w.archive(0);
            w.write(b);
            w.write(empty);
            w.archive(1);
        }
        try (BatchRecordingFile.Reader r = new BatchRecordingFile.Reader(file)) {
            assertEquals(2, r.archives());
            // Batches without points are left out when read, as Kapacitor's readBatchFromIO does.
            assertEquals(List.of(b), read(r, 0));
            assertEquals(List.of(), read(r, 1));
        }
    }

    @Test
    void readsWhatKapacitorWrites() throws IOException {
        Path file = dir.resolve("k.brpl");
        String json = "{\"name\":\"cpu\",\"tmax\":\"1971-01-01T00:00:02Z\",\"group\":\"host=b\",\"byname\":true,"
            + "\"tags\":{\"host\":\"b\"},\"points\":[{\"fields\":{\"value\":1},\"tags\":null,"
            + "\"time\":\"1971-01-01T00:00:01.5Z\"}]}\n"
            + "{\"name\":\"cpu\",\"tmax\":\"0001-01-01T00:00:00Z\",\"points\":[{\"fields\":{\"value\":3},"
            + "\"tags\":{},\"time\":\"1971-01-01T00:00:03Z\"}]}\n";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("0"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        try (BatchRecordingFile.Reader r = new BatchRecordingFile.Reader(file)) {
            List<BatchMessage> got = read(r, 0);
            assertEquals(2, got.size());
            BatchMessage first = got.get(0);
            assertEquals(Tags.of("host", "b"), first.groupTags());
            assertEquals(new Dimensions(true, List.of("host")), first.dims());
            // A point without tags takes the batch's; every number is a float.
            assertEquals(new Point("cpu", "", "", Tags.of("host", "b"), Fields.of("value", 1.0),
                31_536_001L * S + S / 2), first.points().get(0));
            assertEquals(BatchRecordingFile.NO_TIME, got.get(1).time());
        }
    }

    @Test
    void aStreamRecordingIsNoZip() throws IOException {
        Path file = dir.resolve("s.srpl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0});
        }
        IOException e = assertThrows(IOException.class, () -> new BatchRecordingFile.Reader(file));
        assertEquals("zip: not a valid zip file", e.getMessage());
    }
}
