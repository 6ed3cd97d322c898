package kapacitor.util;

/**
 * Go's {@code %q} / {@code strconv.Quote}: a double-quoted string with Go's escapes. Kapacitor prints names and
 * values this way in many error texts that clients match on, so every such text uses this one implementation.
 */
public final class GoQuote {
    private GoQuote() {
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case 0x07:
                    b.append("\\a");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case 0x0b:
                    b.append("\\v");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else if (!Character.isDefined(c) || Character.getType(c) == Character.FORMAT) {
                        b.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
            }
        });
        return b.append('"').toString();
    }
}
