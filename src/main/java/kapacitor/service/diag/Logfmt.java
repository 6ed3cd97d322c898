package kapacitor.service.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading and writing the key=value text Kapacitor logs in; strings quoted as Go's strconv.Quote does. */
final class Logfmt {
    private Logfmt() {
    }

    /** The pairs of {@code text}, or null when it is not a sequence of {@code key=value} (value bare or quoted). */
    static List<Map.Entry<String, String>> parse(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int eq = i;
            while (eq < n && text.charAt(eq) != '=' && text.charAt(eq) != ' ' && text.charAt(eq) != '"') {
                eq++;
            }
            if (eq == i || eq >= n || text.charAt(eq) != '=') {
                return null;
            }
            String key = text.substring(i, eq);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && i < n) {
                        char e = text.charAt(i++);
                        value.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                    } else {
                        value.append(c);
                    }
                }
                if (!closed || i < n && text.charAt(i) != ' ') {
                    return null;
                }
            } else {
                while (i < n && text.charAt(i) != ' ') {
                    value.append(text.charAt(i++));
                }
            }
            out.add(Map.entry(key, value.toString()));
        }
        return out;
    }

    /** A logfmt value: quoted only when it holds a space or a quote (Kapacitor's writeString). */
    static void value(StringBuilder b, String s) {
        if (s.indexOf(' ') >= 0 || s.indexOf('"') >= 0) {
            quote(b, s);
        } else {
            b.append(s);
        }
    }

    /** Go's strconv.Quote, as logfmt writes a value that needs quotes. */
    static void quote(StringBuilder b, String s) {
        b.append(kapacitor.util.GoQuote.quote(s));
    }
}
