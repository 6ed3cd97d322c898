package kapacitor.alert.handler;

import java.nio.charset.StandardCharsets;

/** RFC 2045 quoted-printable encoding with soft line breaks at 76 columns and CRLF line ends. */
final class QuotedPrintable {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int MAX_LINE = 76;

    private QuotedPrintable() {
    }

    static String encode(String text) {
        byte[] bytes = text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        int col = 0;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (c == '\n') {
                out.append("\r\n");
                col = 0;
                continue;
            }
            boolean lineEnd = i + 1 == bytes.length || bytes[i + 1] == '\n';
            boolean literal = c >= 33 && c <= 126 && c != '=' || (c == ' ' || c == '\t') && !lineEnd;
            int width = literal ? 1 : 3;
            if (col + width > MAX_LINE - 1) {
                out.append("=\r\n");
                col = 0;
            }
            if (literal) {
                out.append((char) c);
            } else {
                out.append('=').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            col += width;
        }
        return out.toString();
    }
}
