package kapacitor.service.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.api.Json;
import kapacitor.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigMergerTest {
    private static Map<String, List<ObjectNode>> base(Map<String, String> env) {
        return ConfigMerger.base(ConfigLoader.load(new String[] {"-config", "/dev/null"}, env, Path.of("/tmp"))
            .tree());
    }

    private static StoredOverride override(String section, String element, String options, boolean create)
        throws Exception {
        return new StoredOverride(section, element, (ObjectNode) Json.MAPPER.readTree(options), create);
    }

    @Test
    void emptyElementNameOnAListSectionSetsEveryElement() throws Exception {
        var merged = ConfigMerger.apply(base(Map.of()), List.of(
            override("influxdb", "b", "{\"name\":\"b\",\"urls\":[\"http://b\"]}", true),
            override("influxdb", "", "{\"username\":\"u\"}", false)));
        // Applied in ID order: "influxdb/" comes before the created "influxdb/b", so only the file's element has it.
        assertEquals("u", merged.get("influxdb").get(1).get("username").asText());
        assertEquals("", merged.get("influxdb").get(0).get("username").asText());
        assertEquals("b", merged.get("influxdb").get(0).get("name").asText(), "elements sorted by name");
    }

    @Test
    void anOverrideOfAVanishedElementFailsWithKapacitorsText() throws Exception {
        OverrideException e = assertThrows(OverrideException.class, () -> ConfigMerger.apply(base(Map.of()),
            List.of(override("influxdb", "gone", "{\"username\":\"u\"}", false))));
        assertEquals("failed to override configuration influxdb/gone: unknown options [username] in section influxdb",
            e.getMessage());
    }

    @Test
    void fileValuesAreTheBaseAndNilCollectionsAreNull() {
        var b = base(Map.of("KAPACITOR_SMTP_HOST", "mail"));
        ObjectNode smtp = b.get("smtp").get(0);
        assertEquals("mail", smtp.get("host").asText());
        assertTrue(smtp.get("to").isNull());
        assertTrue(smtp.has("to-templates"), "smtp's toTemplates is to-templates in the API");
        assertTrue(b.get("scraper").isEmpty());
    }

    @Test
    void redactionReportsWhetherSet() throws Exception {
        var merged = ConfigMerger.apply(base(Map.of()), List.of(
            override("httppost", "example", "{\"basic-auth\":{\"Username\":\"a\"}}", false)));
        ElementView v = ElementView.of(SectionSchemas.get("httppost"), merged.get("httppost").get(0));
        assertEquals(true, v.options().get("basic-auth").booleanValue());
        assertEquals(List.of("basic-auth"), v.redacted());
        assertEquals("example", v.id());
        OverrideException e = assertThrows(OverrideException.class, () -> ConfigMerger.apply(base(Map.of()),
            List.of(override("httppost", "example", "{\"basic-auth\":{\"nope\":\"a\"}}", false))));
        assertTrue(e.getMessage().startsWith("failed to override configuration httppost/example: cannot set option "
            + "basic-auth: failed to decode options into struct"), e.getMessage());
    }
}
