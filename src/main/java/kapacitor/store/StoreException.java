package kapacitor.store;

/** Base of the store's typed failures; callers match on the subclasses, never on SQL codes. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
