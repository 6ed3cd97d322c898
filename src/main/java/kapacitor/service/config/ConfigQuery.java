package kapacitor.service.config;

import kapacitor.model.LocalMessage;

/** Asks for the merged, redacted configuration of {@code section} (or every section when empty). */
public record ConfigQuery(String section) implements LocalMessage {
}
