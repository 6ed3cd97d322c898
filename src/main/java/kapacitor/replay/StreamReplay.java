package kapacitor.replay;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import kapacitor.model.Point;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TaskStats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a stream recording to a replay's task copy (Kapacitor's ReplayStreamFromIO): points in file order, their
 * times shifted so the first point lands on the replay's start unless {@code recordingTime}; with the real clock each
 * point waits until its shifted time has come on the wall clock, with the fast clock none waits. When every point went
 * through the copy, its stats are taken and the copy stops. File reads run on worker threads; the rest on the context
 * that called {@link #run}.
 */
public final class StreamReplay {
    private static final int CHUNK = 1000;
    private static final int FRAME = 500;
    private static final long RETRY_MS = 1;

    private final Vertx vertx;
    private final LocalTaskRunner.ReplayRun copy;
    private final boolean realClock;
    private final boolean recordingTime;
    private final long zeroNanos;
    private final Promise<TaskStats> result = Promise.promise();
    private StreamRecordingFile.Reader reader;
    private boolean started;
    private long diff;

    private StreamReplay(Vertx vertx, LocalTaskRunner.ReplayRun copy, boolean realClock, boolean recordingTime) {
        this.vertx = vertx;
        this.copy = copy;
        this.realClock = realClock;
        this.recordingTime = recordingTime;
        this.zeroNanos = wallNanos();
    }

    /** Replays {@code file} into {@code copy}; completes with the copy's final stats once it has stopped. */
    public static Future<TaskStats> run(Vertx vertx, LocalTaskRunner.ReplayRun copy, Path file, boolean realClock,
                                        boolean recordingTime) {
        StreamReplay r = new StreamReplay(vertx, copy, realClock, recordingTime);
        vertx.<StreamRecordingFile.Reader>executeBlocking(() -> new StreamRecordingFile.Reader(file), false)
            .onSuccess(reader -> {
                r.reader = reader;
                r.readChunk();
            })
            .onFailure(r::fail);
        return r.result.future();
    }

    private void readChunk() {
        vertx.<List<Point>>executeBlocking(() -> {
            List<Point> points = new ArrayList<>(CHUNK);
            for (Point p = reader.next(); p != null; p = points.size() < CHUNK - 1 ? reader.next() : null) {
                points.add(p);
            }
            return points;
        }, false).onSuccess(points -> {
            if (points.isEmpty()) {
                drain();
            } else {
                feed(shift(points), 0);
            }
        }).onFailure(this::fail);
    }

    /** Applies Kapacitor's time shift: diff from the first point of the recording to the replay's start. */
    private List<Point> shift(List<Point> points) {
        if (!started) {
            started = true;
            diff = zeroNanos - points.get(0).time();
        }
        if (recordingTime) {
            return points;
        }
        List<Point> out = new ArrayList<>(points.size());
        for (Point p : points) {
            out.add(p.withTime(p.time() + diff));
        }
        return out;
    }

    /** The wall time a point is due at with the real clock. */
    private long due(Point p) {
        return recordingTime ? p.time() + diff : p.time();
    }

    private void feed(List<Point> points, int from) {
        int i = from;
        while (i < points.size()) {
            Point first = points.get(i);
            long now = wallNanos();
            if (realClock && due(first) > now) {
                long waitMs = Math.max(1, (due(first) - now) / 1_000_000);
                int at = i;
                vertx.setTimer(waitMs, t -> feed(points, at));
                return;
            }
            int j = i + 1;
            while (j < points.size() && j - i < FRAME && sameDbRp(first, points.get(j))
                && (!realClock || due(points.get(j)) <= now)) {
                j++;
            }
            if (!copy.offer(first.db(), first.rp(), List.copyOf(points.subList(i, j)))) {
                int at = i;
                vertx.setTimer(RETRY_MS, t -> feed(points, at));
                return;
            }
            i = j;
        }
        readChunk();
    }

    private static boolean sameDbRp(Point a, Point b) {
        return a.db().equals(b.db()) && a.rp().equals(b.rp());
    }

    /** Waits until the copy processed everything (Kapacitor drains its task master), then stops it. */
    private void drain() {
        closeReader();
        copy.idle().onSuccess(idle -> {
            if (!idle) {
                vertx.setTimer(5, t -> drain());
                return;
            }
            copy.stats().onSuccess(stats -> copy.stop().onComplete(ar -> {
                if (ar.succeeded()) {
                    result.tryComplete(stats);
                } else {
                    result.tryFail(ar.cause());
                }
            })).onFailure(this::fail);
        }).onFailure(this::fail);
    }

    private void fail(Throwable e) {
        closeReader();
        copy.stop().onComplete(ar -> result.tryFail(e));
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Read-only file: nothing is lost when closing it fails.
            }
            reader = null;
        }
    }

    private static long wallNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
