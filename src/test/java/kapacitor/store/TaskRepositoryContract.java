package kapacitor.store;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public interface TaskRepositoryContract extends StoreTest {

    private TaskRecord task(String id) {
        return new TaskRecord(id, null, "stream", "disabled", 0,
            new JsonObject().put("script", "stream|from()").put("dbrps", List.of("db.rp")));
    }

    private List<String> ids(List<TaskRecord> tasks) {
        return tasks.stream().map(TaskRecord::id).collect(Collectors.toList());
    }

    @Test
    default void createThenGetReturnsTheStoredTaskAtVersionOne() {
        TaskRecord created = await(store().tasks().create(task("cpu")));
        TaskRecord read = await(store().tasks().get("cpu"));
        assertEquals(1, created.version());
        assertEquals(created, read);
        assertNull(read.templateId());
        assertEquals("stream|from()", read.data().getString("script"));
    }

    @Test
    default void createWithAnExistingIdFailsWithDuplicateKey() {
        await(store().tasks().create(task("cpu")));
        Throwable e = failure(store().tasks().create(task("cpu")));
        assertInstanceOf(DuplicateKeyException.class, e);
        assertEquals("task already exists", e.getMessage());
    }

    @Test
    default void getOfAnUnknownIdFailsWithNotFound() {
        Throwable e = failure(store().tasks().get("nope"));
        assertInstanceOf(NotFoundException.class, e);
        assertEquals("no task exists", e.getMessage());
    }

    @Test
    default void updateMovesTheVersionOnAndStoresTheNewDocument() {
        TaskRecord created = await(store().tasks().create(task("cpu")));
        TaskRecord changed = new TaskRecord("cpu", "tmpl", "batch", "enabled", created.version(),
            new JsonObject().put("script", "batch"));
        TaskRecord saved = await(store().tasks().update(changed));
        assertEquals(2, saved.version());
        assertEquals(saved, await(store().tasks().get("cpu")));
    }

    @Test
    default void updateWithAStaleVersionFailsWithVersionConflict() {
        TaskRecord created = await(store().tasks().create(task("cpu")));
        await(store().tasks().update(created));
        Throwable e = failure(store().tasks().update(created));
        assertInstanceOf(VersionConflictException.class, e);
        assertEquals(2, await(store().tasks().get("cpu")).version());
    }

    @Test
    default void updateOfAMissingTaskFailsWithNotFound() {
        assertInstanceOf(NotFoundException.class, failure(store().tasks().update(task("ghost").withVersion(1))));
    }

    @Test
    default void deleteSaysWhetherSomethingWasDeleted() {
        await(store().tasks().create(task("cpu")));
        assertTrue(await(store().tasks().delete("cpu")));
        assertFalse(await(store().tasks().delete("cpu")));
        assertInstanceOf(NotFoundException.class, failure(store().tasks().get("cpu")));
    }

    @Test
    default void listIsSortedByIdAndAppliesPatternOffsetAndLimit() {
        for (String id : List.of("mem", "cpu_b", "cpu_a", "cpu%", "disk", "cpu/x")) {
            await(store().tasks().create(task(id)));
        }
        assertEquals(List.of("cpu%", "cpu/x", "cpu_a", "cpu_b", "disk", "mem"),
            ids(await(store().tasks().list("", 0, 100))));
        assertEquals(List.of("cpu%", "cpu_a", "cpu_b"), ids(await(store().tasks().list("cpu*", 0, 100))));
        assertEquals(List.of("cpu_a", "cpu_b"), ids(await(store().tasks().list("cpu_?", 0, 100))));
        assertEquals(List.of("cpu_b"), ids(await(store().tasks().list("cpu*", 2, 100))));
        assertEquals(List.of("cpu%", "cpu/x"), ids(await(store().tasks().list("", 0, 2))));
        assertEquals(List.of("cpu%"), ids(await(store().tasks().list("cpu\\%", 0, 100))));
        assertEquals(List.of(), ids(await(store().tasks().list("", 0, 0))));
        assertEquals(List.of("disk", "mem"), ids(await(store().tasks().list("[d-m]*", 0, 100))));
    }

    @Test
    default void listByTemplateAndStatusFilterOnTheirColumns() {
        await(store().tasks().create(new TaskRecord("a", "t1", "stream", "enabled", 0, new JsonObject())));
        await(store().tasks().create(new TaskRecord("b", "t2", "stream", "disabled", 0, new JsonObject())));
        await(store().tasks().create(new TaskRecord("c", "t1", "stream", "disabled", 0, new JsonObject())));
        assertEquals(List.of("a", "c"), ids(await(store().tasks().listByTemplate("t1"))));
        assertEquals(List.of("b", "c"), ids(await(store().tasks().listByStatus("disabled"))));
    }

    @Test
    default void replaceAllChangesEveryTaskOrNone() {
        TaskRecord a = await(store().tasks().create(task("a")));
        TaskRecord b = await(store().tasks().create(task("b")));
        List<TaskRecord> saved = await(store().tasks().replaceAll(List.of(
            new TaskRecord("a", null, "stream", "enabled", a.version(), new JsonObject().put("n", 1)),
            new TaskRecord("b", null, "stream", "enabled", b.version(), new JsonObject().put("n", 1)))));
        assertEquals(List.of(2L, 2L), saved.stream().map(TaskRecord::version).collect(Collectors.toList()));

        // The second change is stale: the first, already applied inside the transaction, must roll back.
        Throwable e = failure(store().tasks().replaceAll(List.of(
            new TaskRecord("a", null, "stream", "disabled", 2, new JsonObject().put("n", 2)),
            new TaskRecord("b", null, "stream", "disabled", 1, new JsonObject().put("n", 2)))));
        assertInstanceOf(VersionConflictException.class, e);
        TaskRecord aNow = await(store().tasks().get("a"));
        assertEquals(2, aNow.version());
        assertEquals("enabled", aNow.status());
        assertEquals(1, aNow.data().getInteger("n"));
    }
}
