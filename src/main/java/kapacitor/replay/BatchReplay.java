package kapacitor.replay;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import kapacitor.model.Point;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TaskStats;
import kapacitor.runtime.edge.BatchMessage;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Feeds a batch recording to a replay's copy of a batch task (Kapacitor's ReplayBatchFromIO): archive i goes to the
 * copy's query node i. Each archive is timed on its own, as Kapacitor replays them side by side: unless
 * {@code recordingTime}, its points move so its first point lands on the replay's start; a batch's time becomes its
 * last point's when that is later. With the real clock a batch waits until its last point's (shifted) time has come;
 * the archives are merged in that order, so the fast clock gives the same interleaving without waiting. When every
 * batch went through, the copy's stats are taken and it stops. The file is read on worker threads, a chunk of each
 * archive at a time.
 */
public final class BatchReplay {
    /** Batches handed to the copy between waits until it has processed them (bounds what is queued on its edges). */
    private static final int WINDOW = 256;
    /** Batches read from an archive at a time. */
    private static final int CHUNK = 256;

    private final Vertx vertx;
    private final LocalTaskRunner.ReplayRun copy;
    private final boolean realClock;
    private final boolean recordingTime;
    private final long zeroNanos;
    private final Promise<TaskStats> result = Promise.promise();
    private BatchRecordingFile.Reader reader;
    private List<Source> sources;
    private int sinceIdle;

    /** One archive: the batches read from it and not yet sent, and its own time shift. */
    private static final class Source {
        final int node;
        final Iterator<BatchMessage> batches;
        final ArrayDeque<BatchMessage> read = new ArrayDeque<>();
        boolean exhausted;
        boolean started;
        long diff;
        long tmax = BatchRecordingFile.NO_TIME;
        BatchMessage head;
        long due;

        Source(int node, Iterator<BatchMessage> batches) {
            this.node = node;
            this.batches = batches;
        }
    }

    private BatchReplay(Vertx vertx, LocalTaskRunner.ReplayRun copy, boolean realClock, boolean recordingTime) {
        this.vertx = vertx;
        this.copy = copy;
        this.realClock = realClock;
        this.recordingTime = recordingTime;
        this.zeroNanos = wallNanos();
    }

    /** Replays batch recording {@code file} into {@code copy}; completes with its final stats once it stopped. */
    public static Future<TaskStats> run(Vertx vertx, LocalTaskRunner.ReplayRun copy, Path file, boolean realClock,
                                        boolean recordingTime) {
        BatchReplay r = new BatchReplay(vertx, copy, realClock, recordingTime);
        vertx.<List<Source>>executeBlocking(() -> {
            r.reader = new BatchRecordingFile.Reader(file);
            int collectors = copy.batchCollectors();
            if (r.reader.archives() != collectors) {
                throw new IllegalStateException("unexpected number of batch collectors. exp "
                    + r.reader.archives() + " got " + collectors);
            }
            List<Source> ss = new ArrayList<>();
            for (int i = 0; i < r.reader.archives(); i++) {
                Source s = new Source(i, r.reader.batches(i));
                fill(s);
                ss.add(s);
            }
            return ss;
        }, false).onSuccess(ss -> {
            ss.forEach(r::advance);
            r.sources = ss;
            r.feed();
        }).onFailure(r::fail);
        return r.result.future();
    }

    /** Reads the source's next chunk (on a worker thread). */
    private static void fill(Source s) {
        for (int i = 0; i < CHUNK && s.batches.hasNext(); i++) {
            s.read.add(s.batches.next());
        }
        s.exhausted = !s.batches.hasNext();
    }

    /**
     * Takes a source's next batch, shifted as Kapacitor's replayBatchFromChan does, with the time it is due; the
     * caller makes sure the source has read its next batch unless it is exhausted.
     */
    private void advance(Source s) {
        if (s.read.isEmpty()) {
            s.head = null;
            return;
        }
        BatchMessage b = s.read.poll();
        List<Point> points = b.points();
        if (points.isEmpty()) {
            // An empty batch keeps its own time, or takes the last one's.
            long t = b.time() == BatchRecordingFile.NO_TIME ? s.tmax : b.time();
            s.tmax = t;
            s.head = b.withTime(t);
            s.due = Long.MIN_VALUE;
            return;
        }
        if (!s.started) {
            s.started = true;
            s.diff = zeroNanos - points.get(0).time();
        }
        long lastTime;
        if (!recordingTime) {
            List<Point> shifted = new ArrayList<>(points.size());
            for (Point p : points) {
                shifted.add(p.withTime(p.time() + s.diff));
            }
            b = b.withPoints(shifted);
            points = shifted;
            lastTime = points.get(points.size() - 1).time();
        } else {
            lastTime = points.get(points.size() - 1).time() + s.diff;
        }
        long lpt = points.get(points.size() - 1).time();
        if (b.time() < lpt) {
            b = b.withTime(lpt);
        }
        s.tmax = b.time();
        s.head = b;
        s.due = lastTime;
    }

    /** The source whose next batch is due first; null when all are done. */
    private Source next() {
        Source best = null;
        for (Source s : sources) {
            if (s.head != null && (best == null || s.due < best.due)) {
                best = s;
            }
        }
        return best;
    }

    private void feed() {
        Source s = next();
        if (s == null) {
            drain();
            return;
        }
        if (realClock) {
            long wait = s.due - wallNanos();
            if (wait > 0) {
                vertx.setTimer(Math.max(1, wait / 1_000_000), t -> feed());
                return;
            }
        }
        if (s.read.isEmpty() && !s.exhausted) {
            // The merge needs the source's following batch: read its next chunk first.
            vertx.executeBlocking(() -> {
                fill(s);
                return null;
            }, false).onSuccess(v -> feed()).onFailure(this::fail);
            return;
        }
        BatchMessage b = s.head;
        advance(s);
        copy.collect(s.node, List.of(b)).onSuccess(v -> {
            if (++sinceIdle >= WINDOW) {
                sinceIdle = 0;
                whenIdle(this::feed);
            } else {
                feed();
            }
        }).onFailure(this::fail);
    }

    private void whenIdle(Runnable then) {
        copy.idle().onSuccess(idle -> {
            if (idle) {
                then.run();
            } else {
                vertx.setTimer(5, t -> whenIdle(then));
            }
        }).onFailure(this::fail);
    }

    /** Waits until the copy processed everything (Kapacitor drains its task master), then stops it. */
    private void drain() {
        closeReader();
        whenIdle(() -> copy.stats().onSuccess(stats -> copy.stop().onComplete(ar -> {
            if (ar.succeeded()) {
                result.tryComplete(stats);
            } else {
                result.tryFail(ar.cause());
            }
        })).onFailure(this::fail));
    }

    private void fail(Throwable e) {
        closeReader();
        copy.stop().onComplete(ar -> result.tryFail(e));
    }

    private void closeReader() {
        BatchRecordingFile.Reader r = reader;
        reader = null;
        if (r != null) {
            vertx.executeBlocking(() -> {
                r.close();
                return null;
            }, false);
        }
    }

    private static long wallNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
