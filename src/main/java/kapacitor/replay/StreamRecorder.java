package kapacitor.replay;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.runtime.ingest.IngestRouter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Records the points a task would receive from live writes (its dbrps and from() measurements) into a stream
 * recording file, until the first such point later than {@code stop} (Kapacitor's rule: data time, not wall time).
 * Registered as an {@link IngestRouter.PointListener}; calls from several ingest threads are serialized.
 */
public final class StreamRecorder implements IngestRouter.PointListener {
    private final Set<DbRp> dbrps;
    /** Null: every measurement. */
    private final Set<String> measurements;
    private final long stopNanos;
    private final StreamRecordingFile.Writer writer;
    private final Promise<Void> done = Promise.promise();
    private boolean closed;

    public StreamRecorder(Path file, Set<DbRp> dbrps, Set<String> measurements, long stopNanos) throws IOException {
        this.dbrps = Set.copyOf(dbrps);
        this.measurements = measurements == null ? null : Set.copyOf(measurements);
        this.stopNanos = stopNanos;
        this.writer = new StreamRecordingFile.Writer(file);
    }

    /** Completes once the stop time is passed and the file is closed; fails when writing failed. */
    public Future<Void> done() {
        return done.future();
    }

    @Override
    public synchronized void onPoints(String db, String rp, List<Point> points) {
        if (closed || !dbrps.contains(new DbRp(db, rp))) {
            return;
        }
        try {
            for (Point p : points) {
                if (measurements != null && !measurements.contains(p.name())) {
                    continue;
                }
                if (p.time() > stopNanos) {
                    finish(null);
                    return;
                }
                writer.write(p);
            }
        } catch (IOException e) {
            finish(e);
        }
    }

    /** Stops recording now (the recording is deleted or the server stops). */
    public synchronized void abort() {
        if (!closed) {
            finish(new IOException("recording aborted"));
        }
    }

    private void finish(IOException error) {
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            error = error == null ? e : error;
        }
        if (error == null) {
            done.tryComplete();
        } else {
            done.tryFail(error);
        }
    }
}
