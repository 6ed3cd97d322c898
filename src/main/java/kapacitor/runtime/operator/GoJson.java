package kapacitor.runtime.operator;

import java.math.BigDecimal;

/** Go's encoding/json rendering of the values Kapacitor puts in results: strings, float64, int64, bool, null. */
public final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    public static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Double d) {
            b.append(formatFloat(d));
        } else {
            b.append(v);
        }
    }

    /** Go's float64 encoding: shortest representation, exponent form only below 1e-6 or from 1e21. */
    public static String formatFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // Go fails to marshal these; Kapacitor's result then carries an error. Render null to stay valid JSON.
            return "null";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        double abs = Math.abs(d);
        BigDecimal bd = new BigDecimal(Double.toString(d));
        if (abs < 1e-6 || abs >= 1e21) {
            return bd.stripTrailingZeros().toString().replace("E+", "e+").replace("E-", "e-");
        }
        return bd.stripTrailingZeros().toPlainString();
    }

    /** A JSON string as Go escapes it (HTML-safe: <, >, & escaped). */
    public static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
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
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        b.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                        if (c >= 0x100) {
                            b.setLength(b.length() - 6);
                            b.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                        }
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
