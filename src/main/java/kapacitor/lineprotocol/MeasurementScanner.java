package kapacitor.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads only the measurement name of a line, for routing a line without parsing it, by the same rules as the parser
 * (a byte after a backslash is escaped; "\," and "\ " unescape).
 */
public final class MeasurementScanner {
    private MeasurementScanner() {
    }

    /**
     * The unescaped measurement of the line starting at {@code lineStart} (leading whitespace skipped), or null when
     * the line is blank, a comment, or has no measurement followed by tags or fields before {@code end}/newline.
     */
    public static String measurement(byte[] buf, int lineStart, int end) {
        int start = LineProtocolParser.skipWhitespace(buf, lineStart, end);
        if (start >= end || buf[start] == ',' || buf[start] == '\n' || buf[start] == '#') {
            return null;
        }
        boolean escaped = false;
        int i = start;
        while (true) {
            i++;
            if (i >= end || buf[i] == '\n') {
                return null;
            }
            if (buf[i - 1] == '\\') {
                escaped = true;
                continue;
            }
            if (buf[i] == ',' || buf[i] == ' ') {
                break;
            }
        }
        if (!escaped) {
            return new String(buf, start, i - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[i - start];
        int n = 0;
        for (int j = start; j < i; j++) {
            byte c = buf[j];
            if (c == '\\' && j + 1 < i && Escapes.MEASUREMENT.unescapes(buf[j + 1])) {
                c = buf[++j];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
