package kapacitor.alert.handler;

import java.nio.charset.StandardCharsets;

/** Byte-length cut-offs of Go string slicing ({@code text[:max]}). */
final class Texts {
    private Texts() {
    }

    /** The first {@code max} UTF-8 bytes; a rune the cut would split is dropped rather than mangled. */
    static String cut(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) {
            return s;
        }
        int end = max;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
