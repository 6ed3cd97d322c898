package kapacitor.lineprotocol;

/**
 * One line the parser rejected: its text (leading whitespace removed, as InfluxDB shows it) and the reason.
 */
public record LineError(String line, String reason) {

    /** InfluxDB's per-line text: {@code unable to parse 'LINE': REASON}. */
    public String message() {
        return "unable to parse '" + line + "': " + reason;
    }
}
