package kapacitor.runtime.operator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The request matcher reads bodies as Go's decoding into the fake services' structs does. */
class GoDecodedTest {
    private static Object json(String s) {
        return new JsonObject(s).getMap();
    }

    @Test
    void unknownKeysAreIgnoredAndMissingOnesAreZero() {
        assertEquals(null, GoDecoded.diff(json("{\"a\":\"x\",\"b\":\"\",\"n\":0,\"l\":[]}"),
            json("{\"a\":\"x\",\"extra\":1}"), ""));
        assertNotNull(GoDecoded.diff(json("{\"a\":\"x\"}"), json("{\"a\":\"y\"}"), ""));
        assertNotNull(GoDecoded.diff(json("{\"a\":\"x\"}"), json("{}"), ""));
        assertEquals(null, GoDecoded.diff(json("{\"n\":10}"), json("{\"n\":10.0}"), ""));
    }

    @Test
    void mapFieldsAreComparedWhole() {
        assertNotNull(GoDecoded.diff(json("{\"details\":{\"a\":\"1\"}}"), json("{\"details\":{\"a\":\"1\",\"b\":2}}"),
            ""));
        assertEquals(null, GoDecoded.diff(json("{\"details\":{\"a\":\"1\"}}"), json("{\"details\":{\"a\":\"1\"}}"),
            ""));
    }

    @Test
    void listsMatchInAnyOrderButEachOnce() {
        GoDecoded.assertMatchIgnoringOrder(List.of(json("{\"a\":1}"), json("{\"a\":2}")),
            List.of(json("{\"a\":2}"), json("{\"a\":1}")));
        assertThrows(AssertionError.class, () -> GoDecoded.assertMatchIgnoringOrder(
            List.of(json("{\"a\":1}"), json("{\"a\":1}")), List.of(json("{\"a\":1}"), json("{\"a\":2}"))));
    }
}
