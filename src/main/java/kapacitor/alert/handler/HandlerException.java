package kapacitor.alert.handler;

/** A handler's failure to deliver, with the message Kapacitor logs (and service tests return) for it. */
public final class HandlerException extends RuntimeException {
    public HandlerException(String message) {
        super(message, null, false, false);
    }
}
