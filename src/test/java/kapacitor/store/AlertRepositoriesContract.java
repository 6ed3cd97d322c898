package kapacitor.store;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handler specs, topic event states and config overrides. */
public interface AlertRepositoriesContract extends StoreTest {

    @Test
    default void handlerIdsAreUniquePerTopic() {
        await(store().handlerSpecs().create(new HandlerSpecRecord("cpu", "log", "log", 0,
            new JsonObject().put("options", new JsonObject().put("path", "/tmp/a")))));
        await(store().handlerSpecs().create(new HandlerSpecRecord("mem", "log", "log", 0, new JsonObject())));
        Throwable dup = failure(store().handlerSpecs().create(new HandlerSpecRecord("cpu", "log", "slack", 0,
            new JsonObject())));
        assertInstanceOf(DuplicateKeyException.class, dup);
        assertEquals("handler spec already exists", dup.getMessage());
        assertEquals("/tmp/a", await(store().handlerSpecs().get("cpu", "log")).data()
            .getJsonObject("options").getString("path"));
        assertEquals("no handler spec exists", failure(store().handlerSpecs().get("disk", "log")).getMessage());
    }

    @Test
    default void handlersListByTopicWithPatternAndDeleteByTopic() {
        for (String id : List.of("slack", "log", "log2")) {
            await(store().handlerSpecs().create(new HandlerSpecRecord("cpu", id, "x", 0, new JsonObject())));
        }
        await(store().handlerSpecs().create(new HandlerSpecRecord("mem", "log", "x", 0, new JsonObject())));
        assertEquals(List.of("log", "log2"), await(store().handlerSpecs().listByTopic("cpu", "log*", 0, 100))
            .stream().map(HandlerSpecRecord::id).collect(Collectors.toList()));
        assertEquals(List.of("log2", "slack"), await(store().handlerSpecs().listByTopic("cpu", "", 1, 100))
            .stream().map(HandlerSpecRecord::id).collect(Collectors.toList()));
        assertEquals(List.of("cpu", "mem"), await(store().handlerSpecs().topics()));
        HandlerSpecRecord h = await(store().handlerSpecs().get("cpu", "log"));
        assertEquals(2, await(store().handlerSpecs().update(h)).version());
        assertInstanceOf(VersionConflictException.class, failure(store().handlerSpecs().update(h)));
        assertEquals(3, await(store().handlerSpecs().deleteTopic("cpu")));
        assertEquals(1, await(store().handlerSpecs().listAll()).size());
    }

    @Test
    default void eventStatesUpsertListAndDeleteByTopic() {
        await(store().eventStates().put(new EventStateRecord("cpu", "host1", "WARNING", 0,
            new JsonObject().put("message", "warn"))));
        await(store().eventStates().put(new EventStateRecord("cpu", "host1", "CRITICAL", 0,
            new JsonObject().put("message", "crit"))));
        await(store().eventStates().putAll(List.of(
            new EventStateRecord("cpu", "host0", "OK", 0, new JsonObject()),
            new EventStateRecord("mem", "host1", "INFO", 0, new JsonObject()))));

        EventStateRecord host1 = await(store().eventStates().get("cpu", "host1"));
        assertEquals("CRITICAL", host1.level());
        assertEquals("crit", host1.data().getString("message"));
        assertEquals(2, host1.version());
        assertEquals(List.of("host0", "host1"), await(store().eventStates().listByTopic("cpu")).stream()
            .map(EventStateRecord::eventId).collect(Collectors.toList()));
        assertEquals(List.of("cpu", "mem"), await(store().eventStates().topics()));
        assertEquals(2, await(store().eventStates().deleteTopic("cpu")));
        assertEquals(List.of("mem"), await(store().eventStates().topics()));
        assertInstanceOf(NotFoundException.class, failure(store().eventStates().get("cpu", "host1")));
        assertTrue(await(store().eventStates().delete("mem", "host1")));
    }

    @Test
    default void overridesAreSetPerSectionAndElement() {
        await(store().overrides().put(new OverrideRecord("influxdb", "default", 0,
            new JsonObject().put("options", new JsonObject().put("urls", List.of("http://a"))))));
        await(store().overrides().put(new OverrideRecord("influxdb", "other", 0, new JsonObject())));
        await(store().overrides().put(new OverrideRecord("smtp", "", 0, new JsonObject().put("create", false))));
        await(store().overrides().put(new OverrideRecord("smtp", "", 0, new JsonObject().put("create", true))));

        OverrideRecord smtp = await(store().overrides().get("smtp", ""));
        assertTrue(smtp.data().getBoolean("create"));
        assertEquals(2, smtp.version());
        assertEquals(List.of("default", "other"), await(store().overrides().listBySection("influxdb")).stream()
            .map(OverrideRecord::element).collect(Collectors.toList()));
        assertEquals(3, await(store().overrides().listAll()).size());
        assertEquals("no override exists", failure(store().overrides().get("slack", "")).getMessage());
        assertTrue(await(store().overrides().delete("influxdb", "other")));
    }
}
