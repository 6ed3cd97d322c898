package kapacitor.store;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recordings, replays, users and flux tasks: the same versioned shape, each with its own columns and texts. */
public interface SimpleRepositoriesContract extends StoreTest {

    @Test
    default void recordingsRoundTripAndFilterByStatus() {
        RecordingRecord r = await(store().recordings().create(new RecordingRecord("rec1", "stream", "running", 0,
            new JsonObject().put("size", 10))));
        await(store().recordings().create(new RecordingRecord("rec2", "batch", "finished", 0, new JsonObject())));
        assertEquals(r, await(store().recordings().get("rec1")));
        assertEquals(List.of("rec2"), await(store().recordings().listByStatus("finished")).stream()
            .map(RecordingRecord::id).collect(Collectors.toList()));
        RecordingRecord done = await(store().recordings().update(new RecordingRecord("rec1", "stream", "finished",
            1, new JsonObject().put("size", 20))));
        assertEquals(2, done.version());
        assertInstanceOf(VersionConflictException.class, failure(store().recordings().update(r)));
        assertEquals("recording already exists", failure(store().recordings().create(r)).getMessage());
        assertEquals("no recording exists", failure(store().recordings().get("x")).getMessage());
        assertEquals(List.of("rec1", "rec2"), await(store().recordings().list("rec?", 0, 100)).stream()
            .map(RecordingRecord::id).collect(Collectors.toList()));
    }

    @Test
    default void replaysFilterByTaskAndRecording() {
        await(store().replays().create(new ReplayRecord("r1", "rec1", "t1", "running", 0, new JsonObject())));
        await(store().replays().create(new ReplayRecord("r2", "rec2", "t1", "finished", 0, new JsonObject())));
        await(store().replays().create(new ReplayRecord("r3", "rec1", "t2", "failed", 0, new JsonObject())));
        assertEquals(List.of("r1", "r2"), await(store().replays().listByTask("t1")).stream()
            .map(ReplayRecord::id).collect(Collectors.toList()));
        assertEquals(List.of("r1", "r3"), await(store().replays().listByRecording("rec1")).stream()
            .map(ReplayRecord::id).collect(Collectors.toList()));
        assertEquals("no replay exists", failure(store().replays().get("r9")).getMessage());
        assertTrue(await(store().replays().delete("r1")));
        assertFalse(await(store().replays().delete("r1")));
    }

    @Test
    default void usersAreKeyedByName() {
        await(store().users().create(new UserRecord("bob", 0, new JsonObject().put("admin", true))));
        Throwable dup = failure(store().users().create(new UserRecord("bob", 0, new JsonObject())));
        assertInstanceOf(DuplicateKeyException.class, dup);
        assertEquals("user already exists", dup.getMessage());
        assertEquals("no user exists", failure(store().users().get("alice")).getMessage());
        assertTrue(await(store().users().get("bob")).data().getBoolean("admin"));
    }

    @Test
    default void fluxTasksRunsAndLogs() {
        await(store().fluxTasks().create(new FluxTaskRecord("0001", "every-min", "active", 0,
            new JsonObject().put("flux", "from(bucket: \"b\")"))));
        assertEquals("every-min", await(store().fluxTasks().get("0001")).name());

        await(store().fluxRuns().create(new FluxRunRecord("run-b", "0001", "success", 2000, 0, new JsonObject())));
        await(store().fluxRuns().create(new FluxRunRecord("run-a", "0001", "started", 3000, 0, new JsonObject())));
        await(store().fluxRuns().create(new FluxRunRecord("run-c", "0002", "started", 1000, 0, new JsonObject())));
        assertEquals(List.of("run-b", "run-a"), await(store().fluxRuns().listByTask("0001")).stream()
            .map(FluxRunRecord::id).collect(Collectors.toList()));

        FluxLogRecord first = await(store().fluxLogs().append("0001", "run-a", 5, "started"));
        FluxLogRecord second = await(store().fluxLogs().append("0001", "run-a", 6, "done"));
        await(store().fluxLogs().append("0002", "run-c", 1, "other"));
        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals(List.of(first, second), await(store().fluxLogs().listByRun("run-a")));
        assertEquals(List.of("started", "done"), await(store().fluxLogs().listByTask("0001")).stream()
            .map(FluxLogRecord::message).collect(Collectors.toList()));

        assertEquals(2, await(store().fluxRuns().deleteByTask("0001")));
        assertEquals(2, await(store().fluxLogs().deleteByTask("0001")));
        assertEquals(List.of(), await(store().fluxLogs().listByRun("run-a")));
    }
}
