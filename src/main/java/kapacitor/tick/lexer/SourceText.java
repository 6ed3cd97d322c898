package kapacitor.tick.lexer;

import java.nio.charset.StandardCharsets;

/**
 * A script held as UTF-8 bytes. Kapacitor reports positions as byte offsets with "line N char M" derived from them,
 * so every offset in the front end is a byte offset into this text.
 */
public final class SourceText {
    private final byte[] bytes;

    public SourceText(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int offset) {
        return bytes[offset];
    }

    /** The text between two byte offsets. */
    public String slice(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** 1-based line of a byte offset. */
    public int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Kapacitor's "char": the offset minus the offset of the preceding newline (so 1-based on the first line). */
    public int column(int offset) {
        return offset - lastIndexOf('\n', 0, offset);
    }

    /** True when the byte range contains a newline. */
    public boolean hasNewLine(int from, int to) {
        return indexOf('\n', from, to) >= 0;
    }

    /** Index of the first {@code b} in [from, to), or -1. */
    public int indexOf(char b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last {@code b} in [from, to), or -1. */
    public int lastIndexOf(char b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Decodes the code point starting at {@code offset}; returns it in the low 32 bits and its byte width in the high
     * bits. The bytes come from a Java string, so they are always well-formed UTF-8.
     */
    long decode(int offset) {
        int b0 = bytes[offset] & 0xff;
        if (b0 < 0x80) {
            return (1L << 32) | b0;
        }
        if (b0 < 0xe0) {
            return (2L << 32) | ((b0 & 0x1f) << 6) | (bytes[offset + 1] & 0x3f);
        }
        if (b0 < 0xf0) {
            return (3L << 32) | ((b0 & 0x0f) << 12) | ((bytes[offset + 1] & 0x3f) << 6) | (bytes[offset + 2] & 0x3f);
        }
        return (4L << 32) | ((b0 & 0x07) << 18) | ((bytes[offset + 1] & 0x3f) << 12)
            | ((bytes[offset + 2] & 0x3f) << 6) | (bytes[offset + 3] & 0x3f);
    }
}
