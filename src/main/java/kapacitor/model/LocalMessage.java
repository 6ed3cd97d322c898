package kapacitor.model;

/**
 * Marks a record that travels on the event bus only inside this JVM. {@link LocalCodec} passes such bodies by
 * reference: no copy, no serialization.
 */
public interface LocalMessage {
}
