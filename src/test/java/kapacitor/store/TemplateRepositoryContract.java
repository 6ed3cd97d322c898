package kapacitor.store;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

public interface TemplateRepositoryContract extends StoreTest {

    @Test
    default void createGetUpdateDeleteRoundTrip() {
        TemplateRecord t = await(store().templates().create(new TemplateRecord("tmpl", "stream", 0,
            new JsonObject().put("script", "var x = 1"))));
        assertEquals(t, await(store().templates().get("tmpl")));
        TemplateRecord saved = await(store().templates().update(new TemplateRecord("tmpl", "batch", 1,
            new JsonObject())));
        assertEquals(2, saved.version());
        assertEquals("batch", await(store().templates().get("tmpl")).type());
        assertEquals(true, await(store().templates().delete("tmpl")));
    }

    @Test
    default void duplicatesAndMissingTemplatesAreTyped() {
        await(store().templates().create(new TemplateRecord("tmpl", "stream", 0, new JsonObject())));
        Throwable dup = failure(store().templates().create(new TemplateRecord("tmpl", "stream", 0,
            new JsonObject())));
        assertInstanceOf(DuplicateKeyException.class, dup);
        assertEquals("template already exists", dup.getMessage());
        assertEquals("no template exists", failure(store().templates().get("other")).getMessage());
    }

    @Test
    default void updateWithTasksStoresTemplateAndTasksTogetherOrNotAtAll() {
        TemplateRecord t = await(store().templates().create(new TemplateRecord("tmpl", "stream", 0,
            new JsonObject().put("rev", 1))));
        TaskRecord a = await(store().tasks().create(new TaskRecord("a", "tmpl", "stream", "enabled", 0,
            new JsonObject().put("rev", 1))));

        TemplateRecord next = new TemplateRecord("tmpl", "stream", t.version(), new JsonObject().put("rev", 2));
        TaskRecord staleTask = new TaskRecord("a", "tmpl", "stream", "enabled", a.version() + 5,
            new JsonObject().put("rev", 2));
        assertInstanceOf(VersionConflictException.class,
            failure(store().templates().updateWithTasks(next, List.of(staleTask), store().tasks())));
        assertEquals(1, await(store().templates().get("tmpl")).data().getInteger("rev"));

        TaskRecord task = new TaskRecord("a", "tmpl", "stream", "enabled", a.version(), new JsonObject().put("rev", 2));
        await(store().templates().updateWithTasks(next, List.of(task), store().tasks()));
        assertEquals(2, await(store().templates().get("tmpl")).data().getInteger("rev"));
        assertEquals(2, await(store().tasks().get("a")).data().getInteger("rev"));
    }

    @Test
    default void changesOnATransactionConnectionCommitTogether() {
        Throwable e = failure(store().inTransaction(tx -> store().templates()
            .create(tx, new TemplateRecord("t", "stream", 0, new JsonObject()))
            .compose(t -> store().tasks().create(tx, new TaskRecord("a", "t", "stream", "enabled", 0,
                new JsonObject())))
            .compose(a -> store().tasks().create(tx, new TaskRecord("a", "t", "stream", "enabled", 0,
                new JsonObject())))));
        assertInstanceOf(DuplicateKeyException.class, e);
        assertInstanceOf(NotFoundException.class, failure(store().templates().get("t")));

        await(store().inTransaction(tx -> store().templates()
            .create(tx, new TemplateRecord("t", "stream", 0, new JsonObject()))
            .compose(t -> store().tasks().create(tx, new TaskRecord("a", "t", "stream", "enabled", 0,
                new JsonObject())))
            .compose(a -> store().tasks().get(tx, "a"))
            .compose(a -> store().tasks().update(tx, a))
            .compose(a -> store().templates().delete(tx, "t"))));
        assertEquals(2, await(store().tasks().get("a")).version());
        assertInstanceOf(NotFoundException.class, failure(store().templates().get("t")));
    }

    @Test
    default void listAppliesThePattern() {
        for (String id : List.of("b", "a1", "a2")) {
            await(store().templates().create(new TemplateRecord(id, "stream", 0, new JsonObject())));
        }
        assertEquals(List.of("a1", "a2"), await(store().templates().list("a*", 0, 10)).stream()
            .map(TemplateRecord::id).collect(Collectors.toList()));
    }
}
