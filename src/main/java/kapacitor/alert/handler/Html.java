package kapacitor.alert.handler;

import java.util.Map;

/** Go's html.UnescapeString for the entities html/template writes (and numeric references). */
final class Html {
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"",
        "apos", "'", "nbsp", "\u00a0");

    private Html() {
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            int semi = ch == '&' ? s.indexOf(';', i) : -1;
            if (semi > i + 1) {
                String name = s.substring(i + 1, semi);
                String rep = NAMED.get(name);
                if (rep == null && name.startsWith("#")) {
                    rep = numeric(name.substring(1));
                }
                if (rep != null) {
                    b.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            b.append(ch);
            i++;
        }
        return b.toString();
    }

    private static String numeric(String n) {
        try {
            int cp = n.startsWith("x") || n.startsWith("X") ? Integer.parseInt(n.substring(1), 16)
                : Integer.parseInt(n);
            return new String(Character.toChars(cp));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
