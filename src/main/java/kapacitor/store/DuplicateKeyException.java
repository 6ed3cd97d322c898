package kapacitor.store;

/** A row with the same key already exists (SQLSTATE 23505 on both backends). */
public class DuplicateKeyException extends StoreException {

    public DuplicateKeyException(String message) {
        super(message);
    }

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
