package kapacitor.service.config;

import io.vertx.core.buffer.Buffer;
import kapacitor.model.LocalMessage;

/**
 * {@code POST /config/<section>/[<element>]}: the section and element from the path, whether the path named an
 * element (a trailing '/' names a section's only element) and the raw body, decoded by the manager so a disabled
 * service answers 403 before any body error, as Kapacitor does.
 */
public record ConfigUpdate(String section, String element, boolean hasElement, Buffer body) implements LocalMessage {
}
