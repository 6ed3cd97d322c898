package kapacitor.util;

/**
 * Kapacitor's list patterns: Go's {@code path.Match} rules. {@code *} matches any run of characters except
 * {@code /}, {@code ?} one character except {@code /}, {@code [...]} a class ({@code ^} negates, {@code a-z} ranges),
 * {@code \} escapes the next character. A malformed pattern matches nothing, as Kapacitor ignores path.Match's error.
 */
public final class Glob {

    private Glob() {
    }

    /** True when {@code pattern} is empty (Kapacitor's "no filter") or matches all of {@code name}. */
    public static boolean matchesOrEmpty(String pattern, String name) {
        return pattern == null || pattern.isEmpty() || matches(pattern, name);
    }

    public static boolean matches(String pattern, String name) {
        int[] p = pattern.codePoints().toArray();
        if (!isValid(p)) {
            return false;
        }
        return match(p, 0, name.codePoints().toArray(), 0);
    }

    public static boolean isValid(String pattern) {
        return isValid(pattern.codePoints().toArray());
    }

    /** Whether the pattern has no special characters, so it can only match itself (after unescaping). */
    public static boolean isLiteral(String pattern) {
        return pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
    }

    private static boolean isValid(int[] p) {
        int i = 0;
        while (i < p.length) {
            int c = p[i];
            if (c == '\\') {
                if (i + 1 >= p.length) {
                    return false;
                }
                i += 2;
            } else if (c == '[') {
                int end = classEnd(p, i);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else {
                i++;
            }
        }
        return true;
    }

    /** Index just past the class starting at {@code start}, or -1 when the class is malformed. */
    private static int classEnd(int[] p, int start) {
        int i = start + 1;
        if (i < p.length && p[i] == '^') {
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < p.length && p[i] == ']' && ranges > 0) {
                return i + 1;
            }
            int lo = escaped(p, i);
            if (lo < 0) {
                return -1;
            }
            i = next(p, i);
            if (i < p.length && p[i] == '-') {
                int hi = escaped(p, i + 1);
                if (hi < 0) {
                    return -1;
                }
                i = next(p, i + 1);
            }
            ranges++;
        }
    }

    /** The (unescaped) class character at {@code i}, or -1 where Go reports a bad pattern. */
    private static int escaped(int[] p, int i) {
        if (i >= p.length || p[i] == '-' || p[i] == ']') {
            return -1;
        }
        if (p[i] == '\\') {
            return i + 1 < p.length ? p[i + 1] : -1;
        }
        return p[i];
    }

    private static int next(int[] p, int i) {
        return p[i] == '\\' ? i + 2 : i + 1;
    }

    private static boolean match(int[] p, int pi, int[] s, int si) {
        while (pi < p.length) {
            int c = p[pi];
            if (c == '*') {
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                }
                for (int k = si; k <= s.length; k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                    if (k < s.length && s[k] == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (si >= s.length) {
                return false;
            }
            if (c == '?') {
                if (s[si] == '/') {
                    return false;
                }
                pi++;
            } else if (c == '[') {
                if (!classMatches(p, pi, s[si])) {
                    return false;
                }
                pi = classEnd(p, pi);
            } else if (c == '\\') {
                if (p[pi + 1] != s[si]) {
                    return false;
                }
                pi += 2;
            } else {
                if (c != s[si]) {
                    return false;
                }
                pi++;
            }
            si++;
        }
        return si == s.length;
    }

    private static boolean classMatches(int[] p, int start, int r) {
        int i = start + 1;
        boolean negated = false;
        if (p[i] == '^') {
            negated = true;
            i++;
        }
        boolean matched = false;
        int ranges = 0;
        while (!(p[i] == ']' && ranges > 0)) {
            int lo = escaped(p, i);
            int hi = lo;
            i = next(p, i);
            if (p[i] == '-') {
                hi = escaped(p, i + 1);
                i = next(p, i + 1);
            }
            if (lo <= r && r <= hi) {
                matched = true;
            }
            ranges++;
        }
        return matched != negated;
    }
}
