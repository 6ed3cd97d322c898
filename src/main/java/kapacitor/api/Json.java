package kapacitor.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;

/**
 * JSON as Kapacitor writes it: Go's {@code json.MarshalIndent(v, "", "    ")} layout and Go's escaping of
 * {@code < > &} and U+2028/U+2029, so bodies match Kapacitor's byte for byte where clients compare them.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
        .configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);

    static {
        MAPPER.getFactory().setCharacterEscapes(new GoEscapes());
    }

    private Json() {
    }

    /** Pretty JSON in Go's MarshalIndent layout. */
    public static Buffer pretty(Object value) {
        try {
            return Buffer.buffer(MAPPER.writer(new GoPrettyPrinter()).writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode JSON response", e);
        }
    }

    /** Compact JSON with Go's escaping. */
    public static Buffer compact(Object value) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode JSON response", e);
        }
    }

    /**
     * Decodes a request body into {@code type}; malformed JSON or a wrong type is a 400 naming the problem, as
     * Kapacitor's {@code invalid JSON} answers do.
     */
    public static <T> T decode(Buffer body, Class<T> type) {
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("invalid JSON: request body is empty");
        }
        try {
            return MAPPER.readValue(body.getBytes(), type);
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("invalid JSON: " + describeMismatch(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getMessage());
        }
    }

    public static JsonNode decodeTree(Buffer body) {
        return decode(body, JsonNode.class);
    }

    private static String describeMismatch(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        return path.length() == 0
            ? "cannot decode " + target + ": " + e.getOriginalMessage()
            : "field \"" + path + "\" has the wrong type (expected " + goTypeName(target) + ")";
    }

    private static String goTypeName(String javaSimpleName) {
        switch (javaSimpleName) {
            case "String":
                return "string";
            case "Boolean":
            case "boolean":
                return "bool";
            case "Integer":
            case "int":
            case "Long":
            case "long":
                return "integer";
            case "Double":
            case "double":
                return "number";
            default:
                return javaSimpleName.endsWith("[]") || javaSimpleName.startsWith("List") ? "array" : "object";
        }
    }

    /** Go's encoder escapes these so JSON can be embedded in HTML; clients that diff bodies see the same bytes. */
    private static final class GoEscapes extends CharacterEscapes {
        private final int[] table;

        GoEscapes() {
            table = CharacterEscapes.standardAsciiEscapesForJSON();
            table['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            table['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            table['&'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    /** {@code json.MarshalIndent(v, "", "    ")}: {@code "key": value}, empty containers as {} and []. */
    static final class GoPrettyPrinter implements PrettyPrinter {
        private int depth;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            depth--;
            if (nrOfEntries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            depth--;
            if (nrOfValues > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("    ");
            }
        }
    }
}
