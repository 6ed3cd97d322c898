package kapacitor.store;

/** The row changed since it was read: its version no longer matches the caller's. */
public class VersionConflictException extends StoreException {

    public VersionConflictException(String message) {
        super(message);
    }

    public VersionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
