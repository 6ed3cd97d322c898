package kapacitor.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Go RE2 patterns on java.util.regex: syntax translation, and Go's ReplaceAllString expansion. */
public final class GoRegex {
    private GoRegex() {
    }

    /**
     * Compiles an RE2 pattern. Named groups {@code (?P<n>} become {@code (?<n>}; POSIX classes inside brackets
     * become {@code \p{..}}; without the m flag {@code $} matches only at the very end as in Go. Only '\n' ends a
     * line and case folding is Unicode-aware, as in RE2. Throws IllegalArgumentException with a Go-like message.
     */
    public static Pattern compile(String re2) {
        try {
            return Pattern.compile(translate(re2), Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("error parsing regexp: " + e.getDescription() + ": `" + re2 + "`");
        }
    }

    public static String translate(String p) {
        boolean multiLine = p.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[):].*");
        StringBuilder out = new StringBuilder(p.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                out.append(c).append(p.charAt(++i));
                continue;
            }
            if (inClass) {
                if (c == '[' && p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = p.substring(i + 2, end);
                        boolean negated = name.startsWith("^");
                        String cls = posixClass(negated ? name.substring(1) : name);
                        if (cls != null) {
                            out.append(negated ? "\\P{" : "\\p{").append(cls).append('}');
                            i = end + 1;
                            continue;
                        }
                    }
                }
                if (c == '[' || c == '&') {
                    // Literal in RE2, special (nested class, intersection) in Java.
                    out.append('\\').append(c);
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                // A ']' right after '[' or '[^' is a literal in both syntaxes.
                if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(' && p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
                continue;
            }
            if (c == '$' && !multiLine) {
                out.append("\\z");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String posixClass(String name) {
        switch (name) {
            case "alnum": return "Alnum";
            case "alpha": return "Alpha";
            case "ascii": return "ASCII";
            case "blank": return "Blank";
            case "cntrl": return "Cntrl";
            case "digit": return "Digit";
            case "graph": return "Graph";
            case "lower": return "Lower";
            case "print": return "Print";
            case "punct": return "Punct";
            case "space": return "Space";
            case "upper": return "Upper";
            case "word": return "Alnum}_\\p{Alnum";
            case "xdigit": return "XDigit";
            default: return null;
        }
    }

    /** Go's Regexp.ReplaceAllString: $1, ${1}, $name, ${name}, $$; unknown groups expand to nothing. */
    public static String replaceAll(Pattern p, String src, String repl) {
        Matcher m = p.matcher(src);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int prevEnd = -1;
        int searchFrom = 0;
        while (searchFrom <= src.length() && m.find(searchFrom)) {
            int start = m.start();
            int end = m.end();
            // Go ignores an empty match that abuts the previous match.
            if (!(start == end && start == prevEnd)) {
                out.append(src, last, start);
                expand(out, repl, m);
                last = end;
                prevEnd = end;
            }
            if (end > start) {
                searchFrom = end;
            } else {
                searchFrom = end < src.length() ? end + Character.charCount(src.codePointAt(end)) : end + 1;
            }
        }
        return out.append(src, last, src.length()).toString();
    }

    private static void expand(StringBuilder out, String repl, Matcher m) {
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c != '$' || i + 1 >= repl.length()) {
                out.append(c);
                continue;
            }
            char next = repl.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
                continue;
            }
            String name;
            int after;
            if (next == '{') {
                int close = repl.indexOf('}', i + 2);
                if (close < 0 || close == i + 2) {
                    out.append(c);
                    continue;
                }
                name = repl.substring(i + 2, close);
                after = close;
            } else {
                int j = i + 1;
                while (j < repl.length() && (Character.isLetterOrDigit(repl.charAt(j)) || repl.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    out.append(c);
                    continue;
                }
                name = repl.substring(i + 1, j);
                after = j - 1;
            }
            String group = group(m, name);
            if (group != null) {
                out.append(group);
            }
            i = after;
        }
    }

    private static String group(Matcher m, String name) {
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(name);
                return n <= m.groupCount() ? m.group(n) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
