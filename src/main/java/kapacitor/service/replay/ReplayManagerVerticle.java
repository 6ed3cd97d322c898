package kapacitor.service.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.alert.Topics;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.model.DbRp;
import kapacitor.model.LocalMessage;
import kapacitor.model.TaskType;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.replay.BatchQueryPlan;
import kapacitor.replay.BatchQueryRunner;
import kapacitor.replay.BatchRecordingFile;
import kapacitor.replay.BatchReplay;
import kapacitor.replay.QueryRecording;
import kapacitor.replay.StreamRecorder;
import kapacitor.replay.StreamRecordingFile;
import kapacitor.replay.StreamReplay;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.TaskStats;
import kapacitor.runtime.edge.BatchMessage;
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
import java.time.Instant;
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
 * Kapacitor's replay service (services/replay): recordings of what a task would receive from live writes (stream), of
 * what a batch task's queries return over a time range (batch) and of what one query returns (query, stream or batch
 * data), and replays of those through a copy of a task, or of data recorded for the replay alone (replays/batch and
 * replays/query). Recording and replay rows live in the store; recording data in {@code <replay dir>/<id>.srpl}
 * (stream) and {@code <id>.brpl} (batch) files in Kapacitor's formats. Stream recordings see the points written to
 * this node; batch and query data come from the {@code [[influxdb]]} clusters.
 */
public final class ReplayManagerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayManagerVerticle.class);
    private static final Pattern VALID_ID = Pattern.compile("^[-._\\p{L}0-9]+$");
    /** The pattern as Kapacitor's error texts print its regexp. */
    private static final String VALID_ID_TEXT = "^[-\\._\\p{L}0-9]+$";
    private static final String SHUTDOWN = "unexpected Kapacitor shutdown";
    /** Go's zero time.Time, before every point: a recording without a stop ends at its first point. */
    private static final long ZERO_TIME = Long.MIN_VALUE;
    /** How long a finished replay waits at most for its alert handlers. */
    private static final long HANDLERS_WAIT = 30_000_000_000L;

    private final Store store;
    private final ScriptCompiler compiler;
    private final IngestRouter ingest;
    /** Null when this node runs no local tasks: replays then fail with a clear error. */
    private final LocalTaskRunner runner;
    private final Path dir;
    private final InfluxDBClusters clusters;
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
        this.clusters = runner == null ? InfluxDBClusters.NONE : runner.influxdb();
    }

    @Override
    public Future<?> start() {
        vertx.eventBus().<LocalMessage>localConsumer(Addresses.REPLAY_COMMAND,
            msg -> Replies.reply(msg, guard(() -> handle(msg.body()))));
        return vertx.executeBlocking(() -> {
            Files.createDirectories(dir);
            // Files of replays that were running when the server stopped.
            if (Files.isDirectory(liveDir())) {
                try (var files = Files.list(liveDir())) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            return null;
        }, false).compose(d -> markInterrupted());
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
        if (cmd instanceof ReplayCommands.RecordBatch c) {
            return recordBatch(c.body());
        }
        if (cmd instanceof ReplayCommands.RecordQuery c) {
            return recordQuery(c.body());
        }
        if (cmd instanceof ReplayCommands.ReplayBatch c) {
            return replayBatch(c.body());
        }
        if (cmd instanceof ReplayCommands.ReplayQuery c) {
            return replayQuery(c.body());
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
        long stop = parseTime(opt.path("stop"));
        String id = newId(opt, "recording");
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

    private Future<ReplayCommands.Reply> recordBatch(Buffer body) {
        JsonNode opt = Json.decodeTree(body);
        long start = parseTime(opt.path("start"));
        long stopOpt = parseTime(opt.path("stop"));
        String id = newId(opt, "recording");
        if (start == ZERO_TIME) {
            throw ApiException.badRequest("must provide start time");
        }
        long now = wallNanos();
        long stop = stopOpt == ZERO_TIME ? now : stopOpt;
        return loadTask(GoJson.string(opt, "task"), Function.identity()).compose(task -> {
            Path file = dir.resolve(id + BatchRecordingFile.EXTENSION).toAbsolutePath();
            return store.recordings().create(newRecording(id, "batch", "file://" + file)).map(r -> {
                recordBatchData(task, file, start, stop, now)
                    .onComplete(ar -> finishRecording(id, file, ar.succeeded() ? null : ar.cause().getMessage()));
                return new ReplayCommands.Reply(201, ReplayViews.recording(r));
            });
        });
    }

    private Future<ReplayCommands.Reply> recordQuery(Buffer body) {
        JsonNode opt = Json.decodeTree(body);
        String type = taskType(opt);
        String id = newId(opt, "recording");
        String query = GoJson.string(opt, "query");
        if (query.isEmpty()) {
            throw ApiException.badRequest("must provide query");
        }
        String cluster = GoJson.string(opt, "cluster");
        boolean batch = type.equals("batch");
        // Kapacitor has no data file for a type other than stream or batch: such a recording can only fail.
        boolean known = batch || type.equals("stream");
        Path file = dir.resolve(id + (batch ? BatchRecordingFile.EXTENSION : StreamRecordingFile.EXTENSION))
            .toAbsolutePath();
        RecordingRecord created = newRecording(id, batch ? "batch" : "stream", known ? "file://" + file : "");
        return store.recordings().create(created).map(r -> {
            Future<Void> work = !known ? Future.failedFuture("unsupported data source scheme ")
                : QueryRecording.run(query, cluster, clusters).compose(res -> batch
                    ? writeBatches(file, List.of(QueryRecording.batches(res.response())))
                    : writePoints(file, QueryRecording.points(res.response(), res.dbrp())));
            work.onComplete(ar -> finishRecording(id, file, ar.succeeded() ? null : ar.cause().getMessage()));
            return new ReplayCommands.Reply(201, ReplayViews.recording(r));
        });
    }

    private static RecordingRecord newRecording(String id, String type, String dataUrl) {
        JsonObject data = new JsonObject().put("data-url", dataUrl).put("size", 0L)
            .put("date", GoJson.now()).put("error", "").put("progress", 0.0);
        return new RecordingRecord(id, type, "running", 1, data);
    }

    /**
     * Runs the task's queries over [start, stop] into a batch recording file, one archive per query node (Kapacitor's
     * doRecordBatch); fails with Kapacitor's text for a stream task, a database the task may not read, no InfluxDB.
     */
    private Future<Void> recordBatchData(TaskRecord task, Path file, long start, long stop, long now) {
        List<BatchQueryPlan.Node> plan;
        try {
            plan = BatchQueryPlan.of(StoredTasks.spec(task, compiler), start, stop, now);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e.getMessage());
        }
        if (clusters.isEmpty()) {
            return Future.failedFuture("InfluxDB not configured, cannot record batch query");
        }
        return vertx.executeBlocking(() -> new BatchRecordingFile.Writer(file), false).compose(writer -> {
            int[] archive = {-1};
            BatchQueryRunner.Sink sink = (node, batches) -> vertx.executeBlocking(() -> {
                openArchives(writer, archive, node);
                for (BatchMessage b : batches) {
                    writer.write(b);
                }
                return null;
            }, false);
            Future<Void> run;
            try {
                run = BatchQueryRunner.byNode(plan, clusters, sink);
            } catch (IllegalArgumentException e) {
                run = Future.failedFuture(e.getMessage());
            }
            return run.transform(ar -> vertx.executeBlocking(() -> {
                try (writer) {
                    if (ar.succeeded()) {
                        // Every query node has its archive, those that got no batch too.
                        openArchives(writer, archive, plan.size() - 1);
                    }
                }
                return null;
            }, false).transform(closed -> ar.failed() ? Future.<Void>failedFuture(ar.cause())
                : closed.failed() ? Future.<Void>failedFuture(closed.cause()) : Future.<Void>succeededFuture()));
        });
    }

    private static void openArchives(BatchRecordingFile.Writer writer, int[] archive, int upTo)
        throws java.io.IOException {
        while (archive[0] < upTo) {
            writer.archive(++archive[0]);
        }
    }

    /** A batch recording file of the given archives, in order. */
    private Future<Void> writeBatches(Path file, List<List<BatchMessage>> archives) {
        return vertx.executeBlocking(() -> {
            try (BatchRecordingFile.Writer w = new BatchRecordingFile.Writer(file)) {
                for (int i = 0; i < archives.size(); i++) {
                    w.archive(i);
                    for (BatchMessage b : archives.get(i)) {
                        w.write(b);
                    }
                }
            }
            return null;
        }, false);
    }

    private Future<Void> writePoints(Path file, List<kapacitor.model.Point> points) {
        return vertx.executeBlocking(() -> {
            try (StreamRecordingFile.Writer w = new StreamRecordingFile.Writer(file)) {
                for (kapacitor.model.Point p : points) {
                    w.write(p);
                }
            }
            return null;
        }, false);
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
        String clock = clock(opt);
        boolean recordingTime = opt.path("recording-time").asBoolean(false);
        String id = newId(opt, "replay");
        String taskId = GoJson.string(opt, "task");
        String recordingId = GoJson.string(opt, "recording");
        return loadTask(taskId, m -> "task load: " + m).compose(task -> store.recordings().get(recordingId)
            .recover(e -> Future.failedFuture(e instanceof NotFoundException
                ? ApiException.notFound("recording not found: " + e.getMessage()) : e))
            .compose(recording -> {
                ReplayRecord replay = newReplay(id, recordingId, taskId, recordingTime, clock);
                // Kapacitor ignores a failed create (an existing id) and runs the replay all the same.
                return store.replays().create(replay)
                    .recover(e -> e instanceof DuplicateKeyException ? Future.succeededFuture(replay)
                        : Future.failedFuture(e))
                    .map(r -> {
                        runReplay(replay, task, copy -> fromRecording(copy, recording, clock.equals("real"),
                            recordingTime));
                        return new ReplayCommands.Reply(201, ReplayViews.replay(replay));
                    });
            }));
    }

    /** Records the batch task's queries over [start, stop] and replays them through a copy of it in one step. */
    private Future<ReplayCommands.Reply> replayBatch(Buffer body) {
        JsonNode opt = Json.decodeTree(body);
        String clock = clock(opt);
        boolean recordingTime = opt.path("recording-time").asBoolean(false);
        long start = parseTime(opt.path("start"));
        long stopOpt = parseTime(opt.path("stop"));
        String id = matchingId(opt, "replay");
        String taskId = GoJson.string(opt, "task");
        return loadTask(taskId, m -> "task load: " + m).compose(task -> {
            if (!"batch".equals(task.type())) {
                throw ApiException.badRequest("cannot replay batch against stream task: " + taskId);
            }
            // Kapacitor would query every period since year 1 without a start; refuse as its batch recordings do.
            if (start == ZERO_TIME) {
                throw ApiException.badRequest("must provide start time");
            }
            long now = wallNanos();
            long stop = stopOpt == ZERO_TIME ? now : stopOpt;
            ReplayRecord replay = newReplay(id, "", taskId, recordingTime, clock);
            return store.replays().create(replay).map(r -> {
                runReplay(replay, task, copy -> withTempFile(BatchRecordingFile.EXTENSION,
                    file -> recordBatchData(task, file, start, stop, now)
                        .compose(v -> BatchReplay.run(vertx, copy, file, clock.equals("real"), recordingTime))));
                return new ReplayCommands.Reply(201, ReplayViews.replay(replay));
            });
        });
    }

    /** Runs one query and replays its result through a copy of the task (points or batches by the task's type). */
    private Future<ReplayCommands.Reply> replayQuery(Buffer body) {
        JsonNode opt = Json.decodeTree(body);
        String clock = clock(opt);
        boolean recordingTime = opt.path("recording-time").asBoolean(false);
        String id = matchingId(opt, "recording");
        String query = GoJson.string(opt, "query");
        if (query.isEmpty()) {
            throw ApiException.badRequest("must provide query");
        }
        String cluster = GoJson.string(opt, "cluster");
        String taskId = GoJson.string(opt, "task");
        boolean real = clock.equals("real");
        return loadTask(taskId, m -> "task load: " + m).compose(task -> {
            ReplayRecord replay = newReplay(id, "", taskId, recordingTime, clock);
            boolean batch = "batch".equals(task.type());
            return store.replays().create(replay).map(r -> {
                runReplay(replay, task, copy -> withTempFile(
                    batch ? BatchRecordingFile.EXTENSION : StreamRecordingFile.EXTENSION,
                    file -> QueryRecording.run(query, cluster, clusters).compose(res -> batch
                        ? writeBatches(file, List.of(QueryRecording.batches(res.response())))
                            .compose(v -> BatchReplay.run(vertx, copy, file, real, recordingTime))
                        : writePoints(file, QueryRecording.points(res.response(), res.dbrp()))
                            .compose(v -> StreamReplay.run(vertx, copy, file, real, recordingTime)))));
                return new ReplayCommands.Reply(201, ReplayViews.replay(replay));
            });
        });
    }

    private static ReplayRecord newReplay(String id, String recordingId, String taskId, boolean recordingTime,
                                          String clock) {
        JsonObject data = new JsonObject().put("recording-time", recordingTime).put("clock", clock)
            .put("date", GoJson.now()).put("error", "").put("progress", 0.0);
        return new ReplayRecord(id, recordingId, taskId, "running", 1, data);
    }

    /** The "clock" option: fast unless given; Kapacitor's decoder rejects any other name. */
    private static String clock(JsonNode opt) {
        String clock = opt.hasNonNull("clock") ? opt.get("clock").asText() : "fast";
        if (!clock.equals("fast") && !clock.equals("real")) {
            throw ApiException.badRequest("unknown Clock " + clock);
        }
        return clock;
    }

    /** The "type" of a query recording as Kapacitor's TaskType decodes it ("" when absent). */
    private static String taskType(JsonNode opt) {
        JsonNode t = opt.path("type");
        if (t.isMissingNode() || t.isNull()) {
            return "";
        }
        String type = t.asText();
        if (!type.equals("stream") && !type.equals("batch") && !type.equals("invalid")) {
            throw ApiException.badRequest("unknown TaskType " + type);
        }
        return type;
    }

    /** Replays a stored recording: its file's format must be the one the task's type reads (Kapacitor's texts). */
    private Future<TaskStats> fromRecording(LocalTaskRunner.ReplayRun copy, RecordingRecord recording, boolean real,
                                            boolean recordingTime) {
        Path file = dataFile(recording);
        boolean batchTask = copy.spec().type() == TaskType.BATCH;
        if (batchTask != "batch".equals(recording.type())) {
            return copy.stop().transform(x -> Future.failedFuture("data source open: "
                + (batchTask ? "zip: not a valid zip file" : "gzip: invalid header")));
        }
        return batchTask ? BatchReplay.run(vertx, copy, file, real, recordingTime)
            : StreamReplay.run(vertx, copy, file, real, recordingTime);
    }

    /**
     * Data a replay records for itself lives in a file of its own under {@code <replay dir>/.live} (no recording's
     * file name can clash with it), removed when the replay ends.
     */
    private Future<TaskStats> withTempFile(String extension, Function<Path, Future<TaskStats>> work) {
        return vertx.executeBlocking(() -> Files.createTempFile(Files.createDirectories(liveDir()), "replay-",
                extension), false)
            .compose(file -> work.apply(file).transform(ar -> vertx.executeBlocking(
                () -> Files.deleteIfExists(file), false).transform(deleted -> ar.succeeded()
                    ? Future.succeededFuture(ar.result()) : Future.<TaskStats>failedFuture(ar.cause()))));
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

    /**
     * Kapacitor's doReplay: starts a copy of the task, lets {@code replay} feed it until it returns the copy's final
     * stats (a replay stops the copy when done), and saves the outcome; failures read "task start: ..." or "running
     * replay: ..." as Kapacitor's do.
     */
    private void runReplay(ReplayRecord replay, TaskRecord task,
                           Function<LocalTaskRunner.ReplayRun, Future<TaskStats>> feed) {
        Active entry = new Active();
        // A second replay with a running one's id takes its place in the lookup, as in Kapacitor.
        active.put(replay.id(), entry);
        Future<TaskStats> run;
        try {
            TaskSpec spec = compile(task);
            if (runner == null) {
                throw new IllegalStateException("task start: this node runs no local tasks");
            }
            run = runner.startReplay(replay.id(), spec)
                .recover(e -> Future.failedFuture(new IllegalStateException("task start: " + e.getMessage())))
                .compose(copy -> {
                    entry.copy = copy;
                    Future<TaskStats> fed;
                    try {
                        fed = feed.apply(copy);
                    } catch (RuntimeException e) {
                        fed = copy.stop().transform(x -> Future.failedFuture(e));
                    }
                    // A feed that failed before the copy stopped must not leave it running.
                    return fed.recover(e -> (copy.isExecuting() ? copy.stop() : Future.<Void>succeededFuture())
                        .transform(x -> Future.failedFuture(
                            new IllegalStateException("running replay: " + e.getMessage()))));
                });
        } catch (RuntimeException e) {
            run = Future.failedFuture(e);
        }
        String topics = replay.id() + ":" + task.id() + ":";
        run.onComplete(ar -> alertsHandled(topics, System.nanoTime() + HANDLERS_WAIT).onComplete(x -> {
            active.remove(replay.id(), entry);
            finishReplay(replay.id(), ar.succeeded() ? ar.result() : null,
                ar.succeeded() ? null : ar.cause().getMessage());
        }));
    }

    /**
     * Waits until the copy's alert handlers wrote what it raised (Kapacitor's replay ends once its task's handlers
     * finished their queues), at most until {@code deadline}.
     */
    private Future<Void> alertsHandled(String topicPrefix, long deadline) {
        if (Topics.of(vertx).handled(topicPrefix) || System.nanoTime() > deadline) {
            return Future.succeededFuture();
        }
        Promise<Void> p = Promise.promise();
        vertx.setTimer(5, t -> alertsHandled(topicPrefix, deadline).onComplete(p));
        return p.future();
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

    /** replays/batch and replays/query check ids as the others do but word their error after the pattern. */
    private static String matchingId(JsonNode opt, String what) {
        String id = GoJson.string(opt, "id");
        if (id.isEmpty()) {
            id = UUID.randomUUID().toString();
        }
        if (!VALID_ID.matcher(id).matches()) {
            throw ApiException.badRequest(what + " ID must match " + VALID_ID_TEXT + " \"" + id + "\"");
        }
        return id;
    }

    private static long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** An RFC 3339 time as Go's time.Time decodes it; absent or null is the zero time. */
    private static long parseTime(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return ZERO_TIME;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("Time.UnmarshalJSON: input is not a JSON string");
        }
        String text = v.asText();
        if (text.equals(GoJson.ZERO_TIME)) {
            return ZERO_TIME;
        }
        if (!text.matches("^[0-9]{4}.*")) {
            // Go's text when the year, the layout's first element, does not match.
            throw ApiException.badRequest("parsing time \"" + text + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \""
                + text + "\" as \"2006\"");
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

    private Path liveDir() {
        return dir.resolve(".live");
    }

    private static Path dataFile(RecordingRecord r) {
        String url = r.data().getString("data-url", "");
        if (!url.startsWith("file://")) {
            throw new IllegalStateException("unsupported data source scheme " + url);
        }
        return Path.of(url.substring("file://".length()));
    }
}
