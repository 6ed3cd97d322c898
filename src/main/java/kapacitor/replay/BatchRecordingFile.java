package kapacitor.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.time.GoTime;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Kapacitor's batch recording file ({@code <id>.brpl}): a zip archive with one entry per query node of the task
 * (named "0", "1"... in the order of the nodes; a query recording has just "0"), each holding the node's batches as
 * JSON values one after another (Kapacitor's WriteBatchForRecording: name, tmax, group, byname, tags, points with
 * fields, tags and time). Files written by Kapacitor replay here and back.
 */
public final class BatchRecordingFile {
    public static final String EXTENSION = ".brpl";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    /** A batch without a time (Go's zero time.Time): one of a query result without points. */
    public static final long NO_TIME = Long.MIN_VALUE;
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private BatchRecordingFile() {
    }

    /** Writes archives in order: {@link #archive} starts the next one. Not thread-safe. */
    public static final class Writer implements Closeable {
        private final ZipOutputStream zip;
        private JsonGenerator json;

        public Writer(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        }

        /** Starts archive number {@code idx}; the batches written from now on belong to it. */
        public void archive(int idx) throws IOException {
            endArchive();
            zip.putNextEntry(new ZipEntry(Integer.toString(idx)));
            json = FACTORY.createGenerator(new NonClosing(zip));
        }

        public void write(BatchMessage b) throws IOException {
            if (json == null) {
                archive(0);
            }
            json.writeStartObject();
            if (!b.name().isEmpty()) {
                json.writeStringField("name", b.name());
            }
            json.writeStringField("tmax", b.time() == NO_TIME ? ZERO_TIME : GoTime.formatRfc3339Nano(b.time()));
            if (!b.groupId().isEmpty()) {
                json.writeStringField("group", b.groupId());
            }
            if (b.dims().byName()) {
                json.writeBooleanField("byname", true);
            }
            if (b.groupTags().size() > 0) {
                json.writeFieldName("tags");
                writeTags(b.groupTags());
            }
            if (!b.points().isEmpty()) {
                json.writeArrayFieldStart("points");
                for (Point p : b.points()) {
                    json.writeStartObject();
                    json.writeFieldName("fields");
                    writeFields(p.fields());
                    json.writeFieldName("tags");
                    writeTags(p.tags());
                    json.writeStringField("time", GoTime.formatRfc3339Nano(p.time()));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            // json.Encoder ends every value with a newline.
            json.writeRaw('\n');
        }

        private void writeTags(Tags tags) throws IOException {
            json.writeStartObject();
            for (Map.Entry<String, String> e : new TreeMap<>(tags.toMap()).entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
        }

        private void writeFields(Fields fields) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < fields.size(); i++) {
                json.writeFieldName(fields.key(i));
                Object v = fields.valueAt(i);
                if (v instanceof Double d) {
                    double x = d;
                    if (x == Math.rint(x) && Math.abs(x) < 1e21) {
                        // Go writes whole float64 values without a fraction.
                        json.writeNumber((long) x);
                    } else {
                        json.writeNumber(x);
                    }
                } else if (v instanceof Number n) {
                    json.writeNumber(n.longValue());
                } else if (v instanceof Boolean bo) {
                    json.writeBoolean(bo);
                } else {
                    json.writeString(String.valueOf(v));
                }
            }
            json.writeEndObject();
        }

        private void endArchive() throws IOException {
            if (json != null) {
                json.close();
                zip.closeEntry();
                json = null;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                endArchive();
            } finally {
                zip.close();
            }
        }
    }

    /** The archives of a file, each read lazily batch by batch. */
    public static final class Reader implements Closeable {
        private final ZipFile zip;
        private final List<? extends ZipEntry> entries;

        /** @throws IOException with Go's text when the file is no zip archive */
        public Reader(Path file) throws IOException {
            try {
                this.zip = new ZipFile(file.toFile());
            } catch (java.util.zip.ZipException e) {
                throw new IOException("zip: not a valid zip file");
            }
            this.entries = new ArrayList<>(Collections.list(zip.entries()));
        }

        public int archives() {
            return entries.size();
        }

        /** The batches of archive {@code idx} in file order, those without points left out as Kapacitor does. */
        public Iterator<BatchMessage> batches(int idx) throws IOException {
            InputStream in = zip.getInputStream(entries.get(idx));
            MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(in);
            return new Iterator<>() {
                private BatchMessage next = advance();

                private BatchMessage advance() {
                    while (values.hasNext()) {
                        BatchMessage b = decode(values.next());
                        if (!b.points().isEmpty()) {
                            return b;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public BatchMessage next() {
                    BatchMessage b = next;
                    next = advance();
                    return b;
                }
            };
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * One batch as Kapacitor's UnmarshalJSON reads it: the dimensions are the batch tags' names (and byname), a point
     * without tags takes the batch's, every number is a float64.
     */
    static BatchMessage decode(JsonNode v) {
        String name = v.path("name").asText("");
        Tags tags = tags(v.path("tags"));
        Dimensions dims = new Dimensions(v.path("byname").asBoolean(false),
            List.copyOf(new TreeSet<>(tags.toMap().keySet())));
        long tmax = v.hasNonNull("tmax") ? time(v.get("tmax").asText()) : NO_TIME;
        List<Point> points = new ArrayList<>();
        for (JsonNode p : v.path("points")) {
            Tags pt = tags(p.path("tags"));
            points.add(new Point(name, "", "", pt.size() == 0 ? tags : pt, fields(p.path("fields")),
                time(p.path("time").asText(""))));
        }
        return BatchMessage.of(name, tags, dims, tmax, points);
    }

    private static Tags tags(JsonNode v) {
        if (!v.isObject() || v.isEmpty()) {
            return Tags.EMPTY;
        }
        Map<String, String> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return Tags.of(m);
    }

    private static Fields fields(JsonNode v) {
        Map<String, Object> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            if (f.isNumber()) {
                m.put(e.getKey(), f.asDouble());
            } else if (f.isBoolean()) {
                m.put(e.getKey(), f.asBoolean());
            } else if (f.isTextual()) {
                m.put(e.getKey(), f.asText());
            }
        });
        return Fields.of(m);
    }

    private static long time(String s) {
        if (s.equals(ZERO_TIME)) {
            return NO_TIME;
        }
        try {
            Instant t = Instant.parse(s);
            return Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L) + t.getNano();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("parsing time \"" + s + "\": " + e.getMessage());
        }
    }

    /** Lets a JSON generator close without closing the zip entry stream under it. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
