package kapacitor.runtime.operator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The values of a sideload source directory, as Kapacitor's sideload service reads them: every file below the
 * directory, keyed by its relative path; .json files as JSON objects, .yml/.yaml files as YAML mappings, other files
 * empty. Numbers become doubles, as Go's JSON decoding makes them. No YAML library is on the classpath, so YAML files
 * are read as flat mappings of scalars only (what sideload files are); anything else in them is an error.
 */
final class SideloadValues {
    private SideloadValues() {
    }

    /** Reads the whole directory; blocking, so called off the event loop. */
    static Map<String, Map<String, Object>> load(Path dir) throws IOException {
        Map<String, Map<String, Object>> cache = new HashMap<>();
        loadInto(dir, cache);
        return cache;
    }

    /**
     * Reads the directory into {@code cache} file by file, in walk order; on failure the files read before the
     * failing one stay in it, as in Kapacitor's cache after a failed update.
     */
    static void loadInto(Path dir, Map<String, Map<String, Object>> cache) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString();
                if (rel.isEmpty() || rel.startsWith(".")) {
                    throw new IOException("failed to update sideload cache for source file \"" + dir
                        + "\": invalid relative path");
                }
                cache.put(rel, read(p));
            }
        }
    }

    private static Map<String, Object> read(Path p) throws IOException {
        String name = p.getFileName().toString();
        String text;
        if (name.endsWith(".json")) {
            text = Files.readString(p, StandardCharsets.UTF_8);
            try {
                return numbersAsDoubles(new JsonObject(text).getMap());
            } catch (DecodeException | ClassCastException e) {
                throw new IOException("failed to unmarshal json values \"" + p + "\": " + e.getMessage());
            }
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return flatYaml(p, Files.readAllLines(p, StandardCharsets.UTF_8));
        }
        return Map.of();
    }

    private static Map<String, Object> numbersAsDoubles(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
        return out;
    }

    private static Map<String, Object> flatYaml(Path p, List<String> lines) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = stripComment(raw);
            if (line.isBlank() || line.equals("---")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (line.endsWith(":") && colon < 0) {
                colon = line.length() - 1;
            }
            if (Character.isWhitespace(line.charAt(0)) || colon <= 0 || line.startsWith("- ")) {
                throw new IOException("failed to unmarshal yaml values \"" + p
                    + "\": only flat mappings of scalars are supported");
            }
            String key = unquote(line.substring(0, colon).trim());
            String value = colon + 1 < line.length() ? line.substring(colon + 1).trim() : "";
            values.put(key, scalar(value));
        }
        return values;
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line.stripTrailing();
    }

    /** A YAML 1.1 plain or quoted scalar as go-yaml decodes it, numbers as doubles (they go through JSON). */
    private static Object scalar(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return unquote(v);
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "":
            case "~":
            case "null":
                return null;
            case "true":
            case "yes":
            case "on":
            case "y":
                return Boolean.TRUE;
            case "false":
            case "no":
            case "off":
            case "n":
                return Boolean.FALSE;
            default:
                break;
        }
        try {
            return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return s;
    }
}
