package kapacitor.tick.ast;

/** Removes the backslash from each backslash-quote pair, the only escape TICKscript quoting knows. */
final class Unescape {
    private Unescape() {
    }

    static String escaped(String text, char quote) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                sb.append(quote);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
