package kapacitor.service.task;

import com.fasterxml.jackson.databind.JsonNode;
import kapacitor.api.Json;
import kapacitor.pipeline.DurationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kapacitor's var conversions: request decoding, service checks, storage and response JSON. */
class TaskVarsTest {

    private static Map<String, TaskVar> decode(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        return TaskVars.decodeRequest(node);
    }

    @Test
    void decodesEveryType() throws Exception {
        Map<String, TaskVar> vars = TaskVars.validate(decode("{"
            + "\"b\": {\"type\": \"bool\", \"value\": true},"
            + "\"i\": {\"type\": \"int\", \"value\": 7},"
            + "\"f\": {\"type\": \"float\", \"value\": 1.5, \"description\": \"ratio\"},"
            + "\"d1\": {\"type\": \"duration\", \"value\": \"1m30s\"},"
            + "\"d2\": {\"type\": \"duration\", \"value\": 1000},"
            + "\"s\": {\"type\": \"string\", \"value\": \"cpu\"},"
            + "\"r\": {\"type\": \"regex\", \"value\": \"^a\"},"
            + "\"l\": {\"type\": \"lambda\", \"value\": \"\\\"x\\\" > 1\"},"
            + "\"star\": {\"type\": \"star\"},"
            + "\"tags\": {\"type\": \"list\", \"value\": [{\"type\": \"string\", \"value\": \"host\"}]}}"));
        assertEquals(new TaskVar("bool", true, ""), vars.get("b"));
        assertEquals(new TaskVar("int", 7L, ""), vars.get("i"));
        assertEquals(new TaskVar("float", 1.5, "ratio"), vars.get("f"));
        assertEquals(new TaskVar("duration", new DurationValue(90_000_000_000L), ""), vars.get("d1"));
        assertEquals(new TaskVar("duration", new DurationValue(1000), ""), vars.get("d2"));
        assertEquals(new TaskVar("regex", "^a", ""), vars.get("r"));
        assertEquals(new TaskVar("lambda", "\"x\" > 1", ""), vars.get("l"));
        assertEquals(new TaskVar("star", null, ""), vars.get("star"));
        assertEquals(new TaskVar("list", List.of(new TaskVar("string", "host", "")), ""), vars.get("tags"));
        assertEquals(vars, TaskVars.fromStored(TaskVars.toStored(vars)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"x\": {\"type\": \"int\", \"value\": 1.5}}",
        "{\"x\": {\"type\": \"int\", \"value\": \"1\"}}",
        "{\"x\": {\"type\": \"float\", \"value\": true}}",
        "{\"x\": {\"type\": \"duration\", \"value\": \"soon\"}}",
        "{\"x\": {\"type\": \"list\", \"value\": 5}}",
        "{\"x\": {\"type\": \"list\", \"value\": [{\"value\": 5}]}}",
        "{\"x\": {\"type\": \"list\", \"value\": [{\"type\": \"int\"}]}}",
        "{\"x\": {\"type\": \"number\", \"value\": 5}}",
        "{\"x\": 5}",
        "[]"})
    void requestsGoCannotDecode(String json) {
        assertThrows(IllegalArgumentException.class, () -> decode(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"x\": {\"type\": \"bool\", \"value\": 5}}|invalid var x: unsupported Var type json.Number.",
        "{\"x\": {\"type\": \"bool\"}}|invalid var x: unsupported Var type <nil>.",
        "{\"x\": {\"type\": \"string\", \"value\": {}}}|invalid var x: unsupported Var type map[string]interface {}.",
        "{\"x\": {\"type\": \"lambda\", \"value\": true}}|invalid var x: mismatched type and value: bool lambda",
        "{\"x\": {\"value\": true}}|invalid var x: mismatched type and value: bool unknown",
        "{\"x\": {\"type\": \"duration\", \"value\": \"x\"}}|",
        "{\"x\": {\"type\": \"list\"}}|invalid var x: var has list type but value is not list, got <nil>",
        "{\"x\": {\"type\": \"list\", \"value\": [{\"type\": \"int\", \"value\": 1}]}}"
            + "|invalid var x: unsupported Var type json.Number."})
    void serviceChecksHaveKapacitorsTexts(String json, String text) throws Exception {
        if (text == null) {
            assertThrows(IllegalArgumentException.class, () -> decode(json));
            return;
        }
        Map<String, TaskVar> decoded = decode(json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskVars.validate(decoded));
        assertEquals(text, e.getMessage());
    }

    @Test
    void responseJsonIsGoShaped() {
        Map<String, TaskVar> vars = Map.of(
            "z", new TaskVar("float", 2.0, ""),
            "a", new TaskVar("duration", new DurationValue(5_000_000_000L), "d"),
            "m", new TaskVar("list", List.of(new TaskVar("star", null, "")), ""));
        assertEquals("{\"a\":{\"type\":\"duration\",\"value\":5000000000,\"description\":\"d\"},"
                + "\"m\":{\"type\":\"list\",\"value\":[{\"type\":\"star\",\"value\":null,\"description\":\"\"}],"
                + "\"description\":\"\"},\"z\":{\"type\":\"float\",\"value\":2,\"description\":\"\"}}",
            Json.compact(TaskVars.toClient(vars)).toString());
    }

    @ParameterizedTest
    @CsvSource({"2.0,2", "0.1,0.1", "1.0E-4,0.0001", "1.0E-7,1e-07", "1.0E21,1e+21", "123456789.5,123456789.5",
        "-3.25,-3.25", "1.5E300,1.5e+300"})
    void floatsPrintAsGoDoes(double value, String go) {
        assertEquals(go, TaskVars.goFloat(value).rawValue().toString());
    }

    @Test
    void goTimeTrimsTrailingZeros() {
        assertEquals("2024-01-02T03:04:05.12Z", GoJson.time(java.time.Instant.parse("2024-01-02T03:04:05.120Z")));
        assertEquals("2024-01-02T03:04:05Z", GoJson.time(java.time.Instant.parse("2024-01-02T03:04:05Z")));
        assertEquals("\"tásk\\n\\x01\"", kapacitor.util.GoQuote.quote("tásk\n\u0001"));
    }
}
