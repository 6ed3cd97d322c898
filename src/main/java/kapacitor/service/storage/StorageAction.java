package kapacitor.service.storage;

import kapacitor.model.LocalMessage;

/**
 * Run {@code action} on the store called {@code name} ({@code POST /storage/stores/<name>}). {@code decodeError} is
 * set when the body could not be read: Kapacitor still answers 404 for an unknown store before complaining about it.
 */
public record StorageAction(String name, String action, String decodeError) implements LocalMessage {
}
