package kapacitor.api;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void prettyMatchesGoMarshalIndent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "a<b>&c");
        m.put("list", List.of(1, 2));
        m.put("empty", List.of());
        m.put("obj", Map.of());
        m.put("nested", Map.of("k", true));
        assertEquals("{\n    \"id\": \"a\\u003cb\\u003e\\u0026c\",\n    \"list\": [\n        1,\n        2\n    ],\n"
            + "    \"empty\": [],\n    \"obj\": {},\n    \"nested\": {\n        \"k\": true\n    }\n}",
            Json.pretty(m).toString());
    }

    record Req(String id, Boolean enabled) {
    }

    @Test
    void decodeNamesTheBadField() {
        ApiException e = assertThrows(ApiException.class,
            () -> Json.decode(Buffer.buffer("{\"id\": \"x\", \"enabled\": [1]}"), Req.class));
        assertEquals(400, e.status());
        assertEquals("invalid JSON: field \"enabled\" has the wrong type (expected bool)", e.getMessage());
        ApiException bad = assertThrows(ApiException.class, () -> Json.decode(Buffer.buffer("{\"id\": "), Req.class));
        assertEquals(400, bad.status());
    }
}
