package kapacitor.service.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.model.DbRp;
import kapacitor.model.LocalMessage;
import kapacitor.model.TaskType;
import kapacitor.replay.StreamRecorder;
import kapacitor.replay.StreamRecordingFile;
import kapacitor.replay.StreamReplay;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.TaskStats;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.service.task.GoJson;
import kapacitor.service.task.ScriptCompiler;
import kapacitor.service.task.StoredTasks;
import kapacitor.store.DuplicateKeyException;
import kapacitor.store.NotFoundException;
import kapacitor.store.RecordingRecord;
import kapacitor.store.ReplayRecord;
import kapacitor.store.Store;
import kapacitor.store.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Kapacitor's replay service (services/replay): stream recordings of what a task would receive from live writes, and
 * replays of those recordings through a copy of a task. Recording and replay rows live in the store; recording data
 * in {@code <replay dir>/<id>.srpl} files in Kapacitor's format. Recordings see the points written to this node.
 */
public final class ReplayManagerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayManagerVerticle.class);
    private static final Pattern VALID_ID = Pattern.compile("^[-._\\p{L}0-9]+$");
    private static final String SHUTDOWN = "unexpected Kapacitor shutdown";
    /** Go's zero time.Time, before every point: a recording without a stop ends at its first point. */
    private static final long ZERO_TIME = Long.MIN_VALUE;

    private final Store store;
    private final ScriptCompiler compiler;
    private final IngestRouter ingest;
    /** Null when this node runs no local tasks: replays then fail with a clear error. */
    private final LocalTaskRunner runner;
    private final Path dir;
    private final Map<String, StreamRecorder> recorders = new ConcurrentHashMap<>();
    /**
     * Running replays by id, as Kapacitor's task master lookup holds them from before the copy starts until the
     * replay ends; the copy is null until it started.
     */
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    private static final class Active {
        private volatile LocalTaskRunner.ReplayRun copy;
    }

    public ReplayManagerVerticle(Store store, ScriptCompiler compiler, IngestRouter ingest, LocalTaskRunner runner,
                                 Path dir) {
        this.store = store;
        this.compiler = compiler;
        this.ingest = ingest;
        this.runner = runner;
        this.dir = dir;
    }

    @Override
    public Future<?> start() {
        vertx.eventBus().<LocalMessage>localConsumer(Addresses.REPLAY_COMMAND,
            msg -> Replies.reply(msg, guard(() -> handle(msg.body()))));
        return vertx.executeBlocking(() -> Files.createDirectories(dir), false)
            .compose(d -> markInterrupted());
    }

    @Override
    public Future<?> stop() {
        recorders.values().forEach(r -> {
            ingest.removeListener(r);
            r.abort();
        });
        return Future.succeededFuture();
    }

    private static <T> Future<T> guard(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<ReplayCommands.Reply> handle(LocalMessage cmd) {
        if (cmd instanceof ReplayCommands.ListRecordings c) {
            return listRecordings(c);
        }
        if (cmd instanceof ReplayCommands.GetRecording c) {
            return store.recordings().get(c.id())
                .recover(e -> Future.failedFuture(new ApiException(500, "error finding recording: " + e.getMessage())))
                .map(r -> new ReplayCommands.Reply("running".equals(r.status()) ? 202 : 200, ReplayViews.recording(r)));
        }
        if (cmd instanceof ReplayCommands.DeleteRecording c) {
            return deleteRecording(c.id());
        }
        if (cmd instanceof ReplayCommands.RecordStream c) {
            return recordStream(c.body());
        }
        if (cmd instanceof ReplayCommands.ListReplays c) {
            return listReplays(c);
        }
        if (cmd instanceof ReplayCommands.GetReplay c) {
            return store.replays().get(c.id())
                .recover(e -> Future.failedFuture(ApiException.notFound("could not find replay: " + e.getMessage())))
                .map(r -> new ReplayCommands.Reply("running".equals(r.status()) ? 202 : 200, ReplayViews.replay(r)));
        }
        if (cmd instanceof ReplayCommands.DeleteReplay c) {
            // As Kapacitor: a running replay goes on; only its row goes.
            return store.replays().delete(c.id()).map(x -> new ReplayCommands.Reply(204, null));
        }
        if (cmd instanceof ReplayCommands.CreateReplay c) {
            return createReplay(c.body());
        }
        if (cmd instanceof ReplayCommands.TaskInReplay c) {
            return taskInReplay(c.replayId(), c.taskId());
        }
        return Future.failedFuture(new IllegalArgumentException("unknown replay command " + cmd));
    }

    // ---- recordings ----

    private Future<ReplayCommands.Reply> listRecordings(ReplayCommands.ListRecordings c) {
        int offset = intParam("offset", c.offset(), 0);
        int limit = intParam("limit", c.limit(), 100);
        List<String> fields = c.fields();
        return store.recordings().list(c.pattern(), offset, limit)
            .recover(e -> Future.failedFuture(ApiException.badRequest(
                "failed to list recordings with pattern \"" + c.pattern() + "\": " + e.getMessage())))
            .map(rs -> new ReplayCommands.Reply(200,
                Map.of("recordings", rs.stream().map(r -> ReplayViews.recordingEntry(r, fields)).toList())));
    }

    private Future<ReplayCommands.Reply> deleteRecording(String id) {
        return store.recordings().get(id).compose(r -> {
            StreamRecorder recorder = recorders.remove(id);
            if (recorder != null) {
                ingest.removeListener(recorder);
                recorder.abort();
            }
            return store.recordings().delete(id).compose(x -> vertx.executeBlocking(() -> {
                Files.deleteIfExists(dataFile(r));
                return new ReplayCommands.Reply(204, null);
            }, false));
        }, e -> e instanceof NotFoundException ? Future.succeededFuture(new ReplayCommands.Reply(204, null))
            : Future.failedFuture(e));
    }

    private Future<ReplayCommands.Reply> recordStream(Buffer body) {
        JsonNode opt = Json.decodeTree(body);
        String id = newId(opt, "recording");
        long stop = parseTime(opt.path("stop"));
        return loadTask(GoJson.string(opt, "task"), Function.identity()).compose(task -> {
            TaskSpec spec = compile(task);
            Path file = dir.resolve(id + StreamRecordingFile.EXTENSION).toAbsolutePath();
            JsonObject data = new JsonObject().put("data-url", "file://" + file).put("size", 0L)
                .put("date", GoJson.now()).put("error", "").put("progress", 0.0);
            RecordingRecord created = new RecordingRecord(id, "stream", "running", 1, data);
            return store.recordings().create(created).compose(r -> startRecorder(r, file, spec, stop)
                .map(x -> new ReplayCommands.Reply(201, ReplayViews.recording(r))));
        });
    }

    /**
     * Opens the file and listens before the reply goes out, so every write the client sends after its 201 is seen;
     * a file that cannot be created fails the recording (the reply still shows it running, as Kapacitor's does).
     */
    private Future<Void> startRecorder(RecordingRecord r, Path file, TaskSpec spec, long stop) {
        Set<String> measurements = LocalTaskRunner.measurements(spec);
        return vertx.executeBlocking(() -> new StreamRecorder(file, new HashSet<DbRp>(spec.dbrps()), measurements,
            stop), false).map(recorder -> {
                recorders.put(r.id(), recorder);
                ingest.addListener(recorder);
                recorder.done().onComplete(ar -> {
                    ingest.removeListener(recorder);
                    if (recorders.remove(r.id(), recorder)) {
                        finishRecording(r.id(), file, ar.succeeded() ? null : ar.cause().getMessage());
                    }
                });
                return (Void) null;
            }).recover(e -> {
                finishRecording(r.id(), file, "failed to create recording file: " + e.getMessage());
                return Future.succeededFuture();
            });
    }

    private void finishRecording(String id, Path file, String error) {
        vertx.executeBlocking(() -> Files.exists(file) ? Files.size(file) : 0L, false)
            .recover(e -> Future.succeededFuture(0L))
            .compose(size -> store.recordings().get(id).compose(r -> {
                JsonObject data = r.data().copy().put("size", size).put("date", GoJson.now())
                    .put("progress", 1.0).put("error", error == null ? "" : error);
                return store.recordings().update(new RecordingRecord(id, r.type(),
                    error == null ? "finished" : "failed", r.version(), data));
            }))
            .onFailure(e -> LOG.error("msg=\"failed to save recording info\" recording_id={} error=\"{}\"", id,
                e.getMessage()));
    }

    // ---- replays ----

    private Future<ReplayCommands.Reply> listReplays(ReplayCommands.ListReplays c) {
        int offset = intParam("offset", c.offset(), 0);
        int limit = intParam("limit", c.limit(), 100);
        List<String> fields = c.fields();
        return store.replays().list(c.pattern(), offset, limit)
            .recover(e -> Future.failedFuture(ApiException.badRequest(
                "failed to list replays with pattern \"" + c.pattern() + "\": " + e.getMessage())))
            .map(rs -> new ReplayCommands.Reply(200,
                Map.of("replays", rs.stream().map(r -> ReplayViews.replayEntry(r, fields)).toList())));
    }

    private Future<ReplayCommands.Reply> createReplay(Buffer body) {
        JsonNode opt = Json.decodeTree(body);
        String clock = opt.hasNonNull("clock") ? opt.get("clock").asText() : "fast";
        if (!clock.equals("fast") && !clock.equals("real")) {
            throw ApiException.badRequest("unknown Clock " + clock);
        }
        boolean recordingTime = opt.path("recording-time").asBoolean(false);
        String id = newId(opt, "replay");
        String taskId = GoJson.string(opt, "task");
        String recordingId = GoJson.string(opt, "recording");
        return loadTask(taskId, m -> "task load: " + m).compose(task -> store.recordings().get(recordingId)
            .recover(e -> Future.failedFuture(e instanceof NotFoundException
                ? ApiException.notFound("recording not found: " + e.getMessage()) : e))
            .compose(recording -> {
                JsonObject data = new JsonObject().put("recording-time", recordingTime).put("clock", clock)
                    .put("date", GoJson.now()).put("error", "").put("progress", 0.0);
                ReplayRecord replay = new ReplayRecord(id, recordingId, taskId, "running", 1, data);
                // Kapacitor ignores a failed create (an existing id) and runs the replay all the same.
                return store.replays().create(replay)
                    .recover(e -> e instanceof DuplicateKeyException ? Future.succeededFuture(replay)
                        : Future.failedFuture(e))
                    .map(r -> {
                        runReplay(replay, task, recording, clock.equals("real"), recordingTime);
                        return new ReplayCommands.Reply(201, ReplayViews.replay(replay));
                    });
            }));
    }

    /** Kapacitor's task handler with a replay-id: its checks, texts and 400s. */
    private Future<ReplayCommands.Reply> taskInReplay(String replayId, String taskId) {
        Active a = active.get(replayId);
        if (a == null) {
            throw ApiException.badRequest("no running replay with ID: " + replayId);
        }
        LocalTaskRunner.ReplayRun copy = a.copy;
        if (copy == null || !copy.isExecuting() || !copy.spec().id().equals(taskId)) {
            throw ApiException.badRequest("replay " + replayId + " is not for task: " + taskId);
        }
        return copy.stats().map(stats -> new ReplayCommands.Reply(200, stats));
    }

    private void runReplay(ReplayRecord replay, TaskRecord task, RecordingRecord recording, boolean real,
                           boolean recordingTime) {
        Active entry = new Active();
        // A second replay with a running one's id takes its place in the lookup, as in Kapacitor.
        active.put(replay.id(), entry);
        Future<TaskStats> run;
        try {
            TaskSpec spec = compile(task);
            if (runner == null) {
                throw new IllegalStateException("task start: this node runs no local tasks");
            }
            if (spec.type() == TaskType.BATCH || !"stream".equals(recording.type())) {
                throw new IllegalStateException(
                    "running replay: replaying batch tasks or batch recordings is not supported by this server");
            }
            run = runner.startReplay(replay.id(), spec)
                .recover(e -> Future.failedFuture(new IllegalStateException("task start: " + e.getMessage())))
                .compose(copy -> {
                    entry.copy = copy;
                    return StreamReplay.run(vertx, copy, dataFile(recording), real, recordingTime)
                        .recover(e -> Future.failedFuture(
                            new IllegalStateException("running replay: " + e.getMessage())));
                });
        } catch (RuntimeException e) {
            run = Future.failedFuture(e);
        }
        run.onComplete(ar -> {
            active.remove(replay.id(), entry);
            finishReplay(replay.id(), ar.succeeded() ? ar.result() : null,
                ar.succeeded() ? null : ar.cause().getMessage());
        });
    }

    private void finishReplay(String id, TaskStats stats, String error) {
        store.replays().get(id).compose(r -> {
            JsonObject data = r.data().copy().put("date", GoJson.now()).put("progress", 1.0)
                .put("error", error == null ? "" : error);
            if (stats != null) {
                data.put("stats", JsonObject.mapFrom(stats.stats()));
            }
            return store.replays().update(new ReplayRecord(id, r.recordingId(), r.taskId(),
                error == null ? "finished" : "failed", r.version(), data));
        }).onFailure(e -> LOG.error("msg=\"failed to save replay results\" replay_id={} error=\"{}\"", id,
            e.getMessage()));
    }

    // ---- shared ----

    /** Kapacitor marks what was running when the server stopped as failed: nothing can still be running. */
    private Future<Void> markInterrupted() {
        Future<?> recordings = store.recordings().listByStatus("running").compose(rs -> Future.all(rs.stream()
            .map(r -> store.recordings().update(new RecordingRecord(r.id(), r.type(), "failed", r.version(),
                r.data().copy().put("error", SHUTDOWN)))).toList()));
        Future<?> replays = store.replays().listByStatus("running").compose(rs -> Future.all(rs.stream()
            .map(r -> store.replays().update(new ReplayRecord(r.id(), r.recordingId(), r.taskId(), "failed",
                r.version(), r.data().copy().put("error", SHUTDOWN)))).toList()));
        return Future.all(recordings, replays).mapEmpty();
    }

    private Future<TaskRecord> loadTask(String taskId, Function<String, String> message) {
        return store.tasks().get(taskId).recover(e -> Future.failedFuture(e instanceof NotFoundException
            ? ApiException.notFound(message.apply(e.getMessage())) : e));
    }

    private TaskSpec compile(TaskRecord task) {
        try {
            return StoredTasks.spec(task, compiler);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String newId(JsonNode opt, String what) {
        String id = GoJson.string(opt, "id");
        if (id.isEmpty()) {
            id = UUID.randomUUID().toString();
        }
        if (!VALID_ID.matcher(id).matches()) {
            throw ApiException.badRequest(what + " ID must contain only letters, numbers, '-', '.' and '_'. \""
                + id + "\"");
        }
        return id;
    }

    /** An RFC 3339 time as Go's time.Time decodes it; absent or null is the zero time. */
    private static long parseTime(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return ZERO_TIME;
        }
        try {
            var t = OffsetDateTime.parse(v.asText()).toInstant();
            return Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L) + t.getNano();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.badRequest("parsing time \"" + v.asText() + "\" as RFC3339: " + e.getMessage());
        }
    }

    private static int intParam(String name, String value, int dflt) {
        if (value == null || value.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + name + " parameter \"" + value
                + "\" must be an integer: strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
        }
    }

    private static Path dataFile(RecordingRecord r) {
        String url = r.data().getString("data-url", "");
        if (!url.startsWith("file://")) {
            throw new IllegalStateException("unsupported data source scheme " + url);
        }
        return Path.of(url.substring("file://".length()));
    }
}
