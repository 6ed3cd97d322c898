package kapacitor.store;

/** A write carried an older epoch than the stored one: the writer lost ownership of the task. */
public class StaleEpochException extends StoreException {

    public StaleEpochException(String message) {
        super(message);
    }

    public StaleEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
