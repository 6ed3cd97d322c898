package kapacitor.store;

import io.vertx.core.json.JsonObject;

/**
 * A config override (Kapacitor's config Override) of a section, or of one element of a section (its
 * {@code element} is "" for a section without elements). Options and the create flag live in {@code data}.
 */
public record OverrideRecord(String section, String element, long version, JsonObject data) {
}
