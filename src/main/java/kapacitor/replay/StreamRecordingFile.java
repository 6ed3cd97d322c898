package kapacitor.replay;

import kapacitor.lineprotocol.LineProtocolParser;
import kapacitor.lineprotocol.LineProtocolWriter;
import kapacitor.lineprotocol.ParseResult;
import kapacitor.lineprotocol.Precision;
import kapacitor.model.Point;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Kapacitor's stream recording file ({@code <id>.srpl}): gzip of, per point, its database, its retention policy and
 * its line protocol (nanosecond times), each on a line of its own. Files written by Kapacitor replay here and back.
 */
public final class StreamRecordingFile {
    public static final String EXTENSION = ".srpl";

    private StreamRecordingFile() {
    }

    /** Appends points to a new file; not thread-safe (the recorder serializes its calls). */
    public static final class Writer implements Closeable {
        private final OutputStream out;

        public Writer(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        }

        public void write(Point p) throws IOException {
            String text = p.db() + "\n" + p.rp() + "\n" + LineProtocolWriter.toLine(p, Precision.NANOSECONDS) + "\n";
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads the points of a file in order, one at a time. */
    public static final class Reader implements Closeable {
        private final BufferedReader in;
        private final LineProtocolParser parser = new LineProtocolParser();

        public Reader(Path file) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
        }

        /** The next point, or null at the end; IOException for a file that is not a stream recording. */
        public Point next() throws IOException {
            String db = in.readLine();
            if (db == null) {
                return null;
            }
            String rp = in.readLine();
            String line = rp == null ? null : in.readLine();
            if (line == null) {
                throw new IOException("invalid replay file format, expected another line");
            }
            ParseResult r = parser.parse(line, db, rp, Precision.NANOSECONDS, 0L);
            if (r.hasErrors() || r.points().isEmpty()) {
                throw new IOException(r.hasErrors() ? r.errorMessage() : "invalid replay file format, empty point");
            }
            return r.points().get(0);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
