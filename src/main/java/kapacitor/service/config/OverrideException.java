package kapacitor.service.config;

/** A rule of Kapacitor's override logic refused a change; the message is Kapacitor's text. */
public final class OverrideException extends RuntimeException {
    public OverrideException(String message) {
        super(message, null, false, false);
    }
}
