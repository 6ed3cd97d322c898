package kapacitor.service.servicetest;

/**
 * Go's {@code path/filepath.Match} on names without separators: {@code *}, {@code ?}, {@code [...]} classes with
 * ranges and {@code ^} negation, and backslash escapes. A malformed pattern is refused up front with Go's text.
 */
public final class GlobPattern {
    public static final class BadPatternException extends IllegalArgumentException {
        public BadPatternException() {
            super("syntax error in pattern");
        }
    }

    private final String pattern;

    private GlobPattern(String pattern) {
        this.pattern = pattern;
    }

    public static GlobPattern compile(String pattern) {
        GlobPattern g = new GlobPattern(pattern);
        g.validate();
        return g;
    }

    public boolean matches(String name) {
        return match(0, name, 0);
    }

    private void validate() {
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    throw new BadPatternException();
                }
                i += 2;
            } else if (c == '[') {
                i = classEnd(i);
            } else {
                i++;
            }
        }
    }

    /** Index after the class starting at {@code start} ('['), or a syntax error. */
    private int classEnd(int start) {
        int i = start + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= pattern.length()) {
                throw new BadPatternException();
            }
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                return i + 1;
            }
            if (c == ']' || c == '-') {
                throw new BadPatternException();
            }
            i = charEnd(i);
            if (i < pattern.length() && pattern.charAt(i) == '-') {
                i = charEnd(i + 1);
            }
            first = false;
        }
    }

    private int charEnd(int i) {
        if (i >= pattern.length()) {
            throw new BadPatternException();
        }
        char c = pattern.charAt(i);
        if (c == '-' || c == ']') {
            throw new BadPatternException();
        }
        if (c == '\\') {
            if (i + 1 >= pattern.length()) {
                throw new BadPatternException();
            }
            return i + 2;
        }
        return i + 1;
    }

    private char charAt(int i) {
        return pattern.charAt(i) == '\\' ? pattern.charAt(i + 1) : pattern.charAt(i);
    }

    private boolean match(int p, String s, int i) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int k = i; k <= s.length(); k++) {
                    if (match(p + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (i >= s.length()) {
                return false;
            }
            char ch = s.charAt(i);
            if (c == '?') {
                p++;
            } else if (c == '[') {
                int end = classEnd(p);
                if (!inClass(p + 1, end - 1, ch)) {
                    return false;
                }
                p = end;
            } else {
                if (charAt(p) != ch) {
                    return false;
                }
                p = c == '\\' ? p + 2 : p + 1;
            }
            i++;
        }
        return i == s.length();
    }

    private boolean inClass(int from, int close, char ch) {
        boolean negate = pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < close) {
            char lo = charAt(i);
            i = charEnd(i);
            char hi = lo;
            if (i < close && pattern.charAt(i) == '-') {
                hi = charAt(i + 1);
                i = charEnd(i + 1);
            }
            if (lo <= ch && ch <= hi) {
                found = true;
            }
        }
        return found != negate;
    }
}
