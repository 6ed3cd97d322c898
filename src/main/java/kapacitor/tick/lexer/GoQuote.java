package kapacitor.tick.lexer;

/** Go's %q rendering of a rune, used in Kapacitor's lexer error texts. */
final class GoQuote {
    private GoQuote() {
    }

    static String rune(int r) {
        StringBuilder sb = new StringBuilder("'");
        switch (r) {
            case '\'':
                sb.append("\\'");
                break;
            case '\\':
                sb.append("\\\\");
                break;
            case 0x07:
                sb.append("\\a");
                break;
            case '\b':
                sb.append("\\b");
                break;
            case '\f':
                sb.append("\\f");
                break;
            case '\n':
                sb.append("\\n");
                break;
            case '\r':
                sb.append("\\r");
                break;
            case '\t':
                sb.append("\\t");
                break;
            case 0x0b:
                sb.append("\\v");
                break;
            default:
                if (isPrint(r)) {
                    sb.appendCodePoint(r);
                } else if (r < ' ' || r == 0x7f) {
                    sb.append(String.format("\\x%02x", r));
                } else if (r < 0x10000) {
                    sb.append(String.format("\\u%04x", r));
                } else {
                    sb.append(String.format("\\U%08x", r));
                }
        }
        return sb.append('\'').toString();
    }

    private static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        int type = Character.getType(r);
        return !Character.isISOControl(r) && !Character.isSpaceChar(r) && type != Character.UNASSIGNED
            && type != Character.FORMAT && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }
}
