package kapacitor.tick.expr;

import java.nio.charset.StandardCharsets;

/** Go's strings package semantics: byte (UTF-8) indexes and lengths, rune cutsets. */
final class GoStrings {
    private GoStrings() {
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The byte offset of the char index {@code i}, or -1 when {@code i} is -1. */
    static long byteIndex(String s, int i) {
        return i < 0 ? -1 : utf8Length(s.substring(0, i));
    }

    static int indexAny(String s, String chars) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (chars.indexOf(c) >= 0) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    static int lastIndexAny(String s, String chars) {
        for (int i = s.length(); i > 0; ) {
            int c = s.codePointBefore(i);
            i -= Character.charCount(c);
            if (chars.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static long count(String s, String sep) {
        if (sep.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1;
        }
        long n = 0;
        for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, i + sep.length())) {
            n++;
        }
        return n;
    }

    static String replace(String s, String old, String repl, long n) {
        if (old.equals(repl) || n == 0) {
            return s;
        }
        long matches = count(s, old);
        if (matches == 0) {
            return s;
        }
        if (n < 0 || matches < n) {
            n = matches;
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (long i = 0; i < n; i++) {
            int j = start;
            if (old.isEmpty()) {
                if (i > 0) {
                    j += Character.charCount(s.codePointAt(start));
                }
            } else {
                j = s.indexOf(old, start);
            }
            sb.append(s, start, j).append(repl);
            start = j + old.length();
        }
        return sb.append(s, start, s.length()).toString();
    }

    static String substring(String s, long start, long stop) {
        if (start < 0) {
            throw new ExprException("found negative index for strSubstring: " + start);
        }
        if (stop < 0) {
            throw new ExprException("found negative index for strSubstring: " + stop);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (stop >= bytes.length) {
            throw new ExprException("stop index too large for string in strSubstring: " + stop);
        }
        if (start > stop) {
            throw new ExprException("runtime error: slice bounds out of range [" + start + ":" + stop + "]");
        }
        return new String(bytes, (int) start, (int) (stop - start), StandardCharsets.UTF_8);
    }

    static String trimLeft(String s, String cutset) {
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (cutset.indexOf(c) < 0) {
                break;
            }
            i += Character.charCount(c);
        }
        return s.substring(i);
    }

    static String trimRight(String s, String cutset) {
        int i = s.length();
        while (i > 0) {
            int c = s.codePointBefore(i);
            if (cutset.indexOf(c) < 0) {
                break;
            }
            i -= Character.charCount(c);
        }
        return s.substring(0, i);
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int c) {
        switch (c) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
                return true;
            default:
                return c > 0xFF && Character.isSpaceChar(c);
        }
    }

    static String trimSpace(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        int end = s.length();
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }
}
