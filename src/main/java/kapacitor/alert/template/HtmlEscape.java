package kapacitor.alert.template;

/** html/template's escaping of a value printed in HTML text. */
final class HtmlEscape {
    private HtmlEscape() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0:
                    b.append('\uFFFD');
                    break;
                case '"':
                    b.append("&#34;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                case '+':
                    b.append("&#43;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
