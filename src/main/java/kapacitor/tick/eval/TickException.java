package kapacitor.tick.eval;

/** A TICKscript evaluation error; the message is Kapacitor's text, e.g. {@code line 3 char 9: no method ...}. */
public final class TickException extends RuntimeException {

    public TickException(String message) {
        super(message);
    }

    public TickException(String message, Throwable cause) {
        super(message, cause);
    }
}
