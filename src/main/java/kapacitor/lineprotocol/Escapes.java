package kapacitor.lineprotocol;

/**
 * Which characters a backslash escapes in each part of a line (InfluxDB's measurementEscapeCodes, tagEscapeCodes and
 * pkg/escape). A backslash before any other character is kept as a literal backslash.
 */
enum Escapes {
    MEASUREMENT(", "),
    TAG(", ="),
    FIELD_KEY(", =\"");

    private final String chars;

    Escapes(String chars) {
        this.chars = chars;
    }

    boolean unescapes(byte c) {
        return chars.indexOf(c) >= 0;
    }

    /** Whether {@code c} must be written with a backslash in this part. */
    boolean needsEscape(char c) {
        return chars.indexOf(c) >= 0;
    }
}
